package io.bokit.core.port.out.archfixture;

import io.bokit.core.application.archfixture.FixtureService;

/** Deliberate violation: an outbound port depending on an application service. */
public interface PortKnowingService {

    void register(FixtureService service);
}
