package io.guanxi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The tests' wait: what it returns, and that it fails the test rather than waiting forever. */
class PollTest {

    @Test
    void returnsTheFirstAnswerAccepted() {
        AtomicInteger asked = new AtomicInteger();
        int answer = Poll.until("the third answer", Duration.ofSeconds(10), asked::incrementAndGet, n -> n >= 3);
        assertEquals(3, answer);
        assertEquals(3, asked.get(), "nothing is asked once an answer is accepted");
    }

    @Test
    void failsOnceTheLimitHasPassedNamingWhatAndTheLastAnswer() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Poll.until("the indexer reaches the head", Duration.ofMillis(50), () -> 7L, behind -> behind == 0));
        assertTrue(failure.getMessage().startsWith("the indexer reaches the head: not within"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("(last seen: 7)"), failure.getMessage());
    }

    @Test
    void aProbeThatFailsFailsTheTestAtOnce() {
        AtomicInteger asked = new AtomicInteger();
        AssertionError failure = assertThrows(AssertionError.class, () -> Poll.until("the service answers",
                Duration.ofSeconds(10), () -> {
                    asked.incrementAndGet();
                    throw new IOException("connection refused");
                }));
        assertEquals("the service answers: asking failed", failure.getMessage());
        assertInstanceOf(IOException.class, failure.getCause());
        assertEquals(1, asked.get());
    }
}
