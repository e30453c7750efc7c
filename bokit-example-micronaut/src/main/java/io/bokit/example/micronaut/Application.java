package io.bokit.example.micronaut;

import io.micronaut.runtime.Micronaut;

/** The example host app: start it and open http://localhost:8080/. */
public final class Application {
    private Application() {}

    /** Starts the app. */
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
