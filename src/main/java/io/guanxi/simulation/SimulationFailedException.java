package io.guanxi.simulation;

/** A simulation that could not run to its end; what it found so far is not a report. */
final class SimulationFailedException extends RuntimeException {

    SimulationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
