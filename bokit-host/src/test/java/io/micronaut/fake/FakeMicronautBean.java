package io.micronaut.fake;

/** Stands in for a Micronaut type in architecture-rule fixtures; ArchUnit matches it by package name. */
public final class FakeMicronautBean {}
