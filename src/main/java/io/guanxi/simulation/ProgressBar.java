package io.guanxi.simulation;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal, redrawn at most every few thousand records; silent when the output is not a terminal. */
final class ProgressBar implements Replay.Progress {

    private static final int EVERY = 5000;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal = System.console() != null;
    private long next = EVERY;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void at(long looked, long toLook, long replayed) {
        if (!terminal || (looked < next && looked < toLook)) {
            return;
        }
        next = looked + EVERY;
        int filled = toLook == 0 ? WIDTH : (int) (WIDTH * looked / toLook);
        err.printf(Locale.ROOT, "\r[%s%s] %d of %d records, %d replayed", "#".repeat(filled), " ".repeat(WIDTH - filled),
                looked, toLook, replayed);
        if (looked >= toLook) {
            err.println();
        }
    }
}
