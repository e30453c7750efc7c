package io.bokit.core.port.in.archfixture;

import io.bokit.core.application.archfixture.FixtureService;

/** Deliberate violation: an inbound port depending on an application service. */
public interface ServiceAwareUseCase {

    FixtureService service();
}
