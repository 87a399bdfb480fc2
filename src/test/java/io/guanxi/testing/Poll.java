package io.guanxi.testing;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;

/**
 * Waits in a test for what the service does in its own time (the audit indexer catching up, a
 * thread reaching a lock, a simulation ending): asks again and again, first every few
 * milliseconds, then less often, and fails the test once the limit has passed. Limits are
 * generous on purpose: how fast these things happen is measured elsewhere, never asserted on a
 * shared, noisy machine.
 */
public final class Poll {

    /** What is asked each time; may throw what the test's own calls throw. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 100;

    private Poll() {
    }

    /** Asks until the answer is true; fails with {@code what} once {@code limit} has passed. */
    public static void until(String what, Duration limit, Probe<Boolean> done) {
        until(what, limit, done, Boolean::booleanValue);
    }

    /**
     * Asks until {@code done} accepts the answer, and returns that answer; fails with {@code what}
     * and the last answer once {@code limit} has passed. A probe that throws fails the test at once.
     */
    public static <T> T until(String what, Duration limit, Probe<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            T answer = ask(what, probe);
            if (done.test(answer)) {
                return answer;
            }
            if (System.nanoTime() - deadline > 0) {
                return Assertions.fail(what + ": not within " + limit.toSeconds() + " s (last seen: " + answer + ")");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted while waiting", e);
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    private static <T> T ask(String what, Probe<T> probe) {
        try {
            return probe.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted while asking", e);
        } catch (Exception e) {
            throw new AssertionError(what + ": asking failed", e);
        }
    }
}
