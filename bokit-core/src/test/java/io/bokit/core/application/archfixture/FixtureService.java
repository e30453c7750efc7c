package io.bokit.core.application.archfixture;

/** Stands in for an application service that ports must not know. */
public final class FixtureService {}
