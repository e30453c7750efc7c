package io.bokit.core.domain.archfixture;

import io.bokit.core.port.out.archfixture.CycleFromPortOut;

/** Deliberate violation, with {@link CycleFromPortOut}: a cycle between the domain and port slices. */
public final class CycleFromDomain {

    CycleFromPortOut other;
}
