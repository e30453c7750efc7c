package io.bokit.core.domain.archfixture;

import io.bokit.core.port.out.ClockPort;

/** Deliberate violation: a domain class depending on a port instead of only on java.. and the domain. */
public final class DomainUsingPort {

    ClockPort clock;
}
