package io.bokit.core.archfixture;

import com.example.thirdparty.ThirdPartyType;

/** Deliberate violation: a core class using a library other than the JDK, SLF4J and ical4j. */
public final class UsesThirdPartyLibrary {

    ThirdPartyType type;
}
