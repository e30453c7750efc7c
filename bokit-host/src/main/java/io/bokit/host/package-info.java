/** bokit's framework-free embedding layer: settings, the host builder, the trigger, the management view, the executor. */
package io.bokit.host;
