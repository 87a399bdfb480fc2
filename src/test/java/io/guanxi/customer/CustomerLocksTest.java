package io.guanxi.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The per-customer locks a batch takes several of at once: they exclude single advice for the same
 * customers, and two batches holding overlapping customers never wait for each other in a circle.
 */
class CustomerLocksTest {

    /** Ends a wait that would otherwise hang the build when the locks deadlock. */
    private static final long NEVER_DONE_SECONDS = 20;

    @Test
    void twoCallersTakingTheSameCustomersInOppositeOrdersBothFinish() throws Exception {
        CustomerLocks locks = new CustomerLocks();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Runnable work = () -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            Thread.onSpinWait();
            inside.decrementAndGet();
        };
        CompletableFuture<Void> forward = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20_000; i++) {
                locks.withLocks(List.of("c-1", "c-2", "c-3"), () -> { work.run(); return null; });
            }
        });
        CompletableFuture<Void> backward = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20_000; i++) {
                locks.withLocks(List.of("c-3", "c-2", "c-1"), () -> { work.run(); return null; });
            }
        });

        CompletableFuture.allOf(forward, backward).get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
        assertEquals(0, overlaps.get(), "callers sharing customers must never hold them at the same time");
        assertEquals(0, locks.size(), "no lock outlives its holders");
    }

    @Test
    void anotherGroupSharingOneCustomerWaitsUntilTheWholeGroupIsDone() throws Exception {
        CustomerLocks locks = new CustomerLocks();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> group = CompletableFuture.runAsync(() -> locks.withLocks(List.of("c-1", "c-2", "c-2"), () -> {
            holding.countDown();
            await(release);
            return null;
        }));
        assertTrue(holding.await(NEVER_DONE_SECONDS, TimeUnit.SECONDS));

        CompletableFuture<String> single = CompletableFuture.supplyAsync(() -> locks.withLocks(List.of("c-2", "c-7"), () -> "decided"));
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> locks.withLocks(List.of("c-9"), () -> "decided"));
        assertEquals("decided", other.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS), "other customers never wait");
        Thread.sleep(200);
        assertFalse(single.isDone(), "c-2 is held by the group");

        release.countDown();
        assertEquals("decided", single.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS));
        group.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS);
        assertEquals(0, locks.size());
    }

    @Test
    void aGroupWhoseWorkFailsReleasesEveryLock() {
        CustomerLocks locks = new CustomerLocks();
        assertThrows(IllegalStateException.class, () -> locks.withLocks(List.of("c-1", "c-2"), () -> {
            throw new IllegalStateException("simulated");
        }));
        assertEquals(0, locks.size());
        assertEquals("free", locks.withLocks(List.of("c-2", "c-1"), () -> "free"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(NEVER_DONE_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
