package com.example.thirdparty;

/** Stands in for a library bokit-core must not depend on, in architecture-rule fixtures. */
public final class ThirdPartyType {}
