package org.springframework.fake;

/** Stands in for a Spring type in architecture-rule fixtures; ArchUnit matches it by package name. */
public final class FakeSpringBean {}
