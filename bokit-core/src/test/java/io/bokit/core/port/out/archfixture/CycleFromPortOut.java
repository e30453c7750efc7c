package io.bokit.core.port.out.archfixture;

import io.bokit.core.domain.archfixture.CycleFromDomain;

/** Deliberate violation, with {@link CycleFromDomain}: a cycle between the port and domain slices. */
public final class CycleFromPortOut {

    CycleFromDomain other;
}
