package io.guanxi;

import io.micronaut.runtime.Micronaut;

/** Starts the Guanxi relationship-advice service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
