/**
 * bokit's framework-free core: the domain, the inbound use cases, the outbound ports and {@code Bokit}, which
 * assembles them. The iCal mapping ({@code io.bokit.core.ical}) is the engine's and is not exported: a host parses
 * through {@code io.bokit.core.application.FeedParser}.
 */
module io.bokit.core {
    requires ical4j.core;
    requires java.management;
    requires org.slf4j;

    exports io.bokit.core.domain;
    exports io.bokit.core.port.in;
    exports io.bokit.core.port.out;
    exports io.bokit.core.application;
}
