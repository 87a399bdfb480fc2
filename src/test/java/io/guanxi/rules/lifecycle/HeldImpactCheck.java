package io.guanxi.rules.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.rules.engine.RuleSet;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An impact check that holds the reload checking it until the test releases it, and then passes:
 * a replay of a long log, at the moment of the test's choosing. Only in a service started with
 * {@code test.hold-impact-check=true}.
 */
@Singleton
@Requires(property = "test.hold-impact-check", value = "true")
public class HeldImpactCheck implements ImpactCheck {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public List<String> refusals(RuleSet candidate) {
        entered.countDown();
        try {
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the impact check");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
        return List.of();
    }

    /** Waits until a reload is inside the check. */
    void awaitHeld() throws InterruptedException {
        assertTrue(entered.await(30, TimeUnit.SECONDS), "no reload reached the impact check");
    }

    void release() {
        released.countDown();
    }
}
