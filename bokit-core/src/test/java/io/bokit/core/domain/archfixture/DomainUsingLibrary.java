package io.bokit.core.domain.archfixture;

import com.example.thirdparty.ThirdPartyType;

/** Deliberate violation: a domain class depending on a library. */
public final class DomainUsingLibrary {

    ThirdPartyType type;
}
