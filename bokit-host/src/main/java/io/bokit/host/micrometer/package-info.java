/** bokit's Micrometer meters, for hosts that have Micrometer (an optional dependency). */
package io.bokit.host.micrometer;
