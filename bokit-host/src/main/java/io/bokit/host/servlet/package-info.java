/** A plain Jakarta Servlet filter that triggers bokit's sync after the response, for any servlet container. */
package io.bokit.host.servlet;
