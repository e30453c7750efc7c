/**
 * bokit's framework-free embedding layer: {@code BokitSettings}, the {@code BokitHost} builder, the request trigger,
 * the management and health views, a plain Servlet filter ({@code io.bokit.host.servlet}) and the Micrometer binder
 * and observations ({@code io.bokit.host.micrometer}). The Servlet API and Micrometer are optional: a host that uses neither part needs
 * neither jar.
 */
module io.bokit.host {
    requires transitive io.bokit.core;
    requires transitive io.bokit.http;
    requires transitive io.bokit.jdbc;
    requires org.slf4j;
    requires static transitive jakarta.servlet;
    requires static transitive micrometer.core;
    requires static transitive micrometer.observation;

    exports io.bokit.host;
    exports io.bokit.host.dashboard;
    exports io.bokit.host.servlet;
    exports io.bokit.host.micrometer;
}
