package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.customer.CustomerLocks;
import io.guanxi.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A customer's lock held by the test, on a thread of its own, until closed: whoever decides for
 * that customer meanwhile waits, and a test can fill queues behind it.
 */
final class HeldCustomer implements AutoCloseable {

    private static final int NEVER_DONE_SECONDS = 60;

    private final CustomerLocks locks;
    private final String customerId;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> holder;

    private HeldCustomer(CustomerLocks locks, String customerId) throws InterruptedException {
        this.locks = locks;
        this.customerId = customerId;
        CountDownLatch holding = new CountDownLatch(1);
        this.holder = CompletableFuture.runAsync(() -> locks.withLocks(List.of(customerId), () -> {
            holding.countDown();
            try {
                return release.await(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(holding.await(NEVER_DONE_SECONDS, TimeUnit.SECONDS), "the test's thread holds the lock");
    }

    /** Holds the customer's lock once it is free. */
    static HeldCustomer hold(CustomerLocks locks, String customerId) throws InterruptedException {
        return new HeldCustomer(locks, customerId);
    }

    /** Waits until one thread (a decider) waits for the lock. */
    void awaitWaiter() {
        Poll.until("a decider waits for the customer's lock", Duration.ofSeconds(NEVER_DONE_SECONDS),
                () -> locks.waiting(customerId) > 0);
        assertEquals(1, locks.waiting(customerId), "a decider waits for the customer's lock");
    }

    /** Lets the lock go, and waits until it has. */
    @Override
    public void close() throws Exception {
        release.countDown();
        holder.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
    }
}
