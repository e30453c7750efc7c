package io.bokit.core.port.in.archfixture;

/** Deliberate violation: a public inbound interface not named {@code *UseCase}. */
public interface RunSync {

    void run();
}
