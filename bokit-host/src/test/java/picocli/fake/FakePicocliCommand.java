package picocli.fake;

/** Stands in for a picocli type in architecture-rule fixtures; ArchUnit matches it by package name. */
public final class FakePicocliCommand {}
