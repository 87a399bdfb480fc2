package io.guanxi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The batching worker under the decision log: every caller learns what became of its item, however
 * the batch or the caller's thread fares (the decision log's promise that no advice is given without
 * its record, and no record is committed behind an error, rests on it).
 */
class GroupWorkerTest {

    /** Ends a wait that would otherwise hang the build when a caller is never answered. */
    private static final Duration NEVER_ANSWERED = Duration.ofSeconds(20);

    @Test
    void aCallerInterruptedWhileItsBatchRunsStillGetsItsResultAndKeepsTheInterrupt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupWorker<String, String> worker = new GroupWorker<>("test-worker", 8, batch -> {
            running.countDown();
            release.await();
            return batch.stream().map(s -> s + " done").toList();
        }, (n, cause) -> new IllegalStateException("refused", cause))) {
            AtomicReference<String> result = new AtomicReference<>();
            AtomicReference<Boolean> interruptKept = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                result.set(worker.submit("item"));
                interruptKept.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            assertTrue(running.await(NEVER_ANSWERED.toSeconds(), TimeUnit.SECONDS));
            caller.interrupt();
            release.countDown();
            caller.join(NEVER_ANSWERED.toMillis());

            assertEquals("item done", result.get(), "the item was done: its caller must not be told otherwise");
            assertEquals(true, interruptKept.get());
        }
    }

    @Test
    void aFailureThatCannotEvenBeReportedStillAnswersEveryCallerAndTheWorkerGoesOn() throws Exception {
        AtomicReference<Boolean> fail = new AtomicReference<>(true);
        try (GroupWorker<String, String> worker = new GroupWorker<>("test-worker", 8, batch -> {
            if (fail.get()) {
                throw new OutOfMemoryError("simulated");
            }
            return batch;
        }, (n, cause) -> {
            throw new OutOfMemoryError("while making the refusal");
        })) {
            CompletableFuture<Throwable> refused = CompletableFuture.supplyAsync(
                    () -> assertThrows(RuntimeException.class, () -> worker.submit("first")));
            Throwable answer = refused.get(NEVER_ANSWERED.toSeconds(), TimeUnit.SECONDS);
            assertTrue(answer.getMessage().contains("test-worker failed a batch"), answer.getMessage());

            fail.set(false);
            assertEquals("second", CompletableFuture.supplyAsync(() -> worker.submit("second"))
                    .get(NEVER_ANSWERED.toSeconds(), TimeUnit.SECONDS), "the worker thread is still alive");
        }
    }

    @Test
    void aBatchAnsweredWithTooFewResultsIsRefusedForEveryCaller() throws Exception {
        IllegalStateException refusal = new IllegalStateException("refused");
        try (GroupWorker<String, String> worker = new GroupWorker<>("test-worker", 8, batch -> List.of(),
                (n, cause) -> refusal)) {
            CompletableFuture<Throwable> refused = CompletableFuture.supplyAsync(
                    () -> assertThrows(IllegalStateException.class, () -> worker.submit("item")));
            assertSame(refusal, refused.get(NEVER_ANSWERED.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void itemsHandedInTogetherFareEachByItsOwnBatchAndAreAllDoneOnReturn() {
        IllegalStateException refusal = new IllegalStateException("refused");
        try (GroupWorker<String, String> worker = new GroupWorker<>("test-worker", 1, batch -> {
            if (batch.contains("bad")) {
                throw new IllegalArgumentException("simulated");
            }
            return batch.stream().map(s -> s + " done").toList();
        }, (n, cause) -> refusal)) {
            List<CompletableFuture<String>> results = worker.submitAll(List.of("a", "bad", "c"));

            assertTrue(results.stream().allMatch(CompletableFuture::isDone), "every item is done on return");
            assertEquals("a done", results.get(0).join());
            assertSame(refusal, assertThrows(CompletionException.class, () -> results.get(1).join()).getCause());
            assertEquals("c done", results.get(2).join(), "a failed batch does not sink the items after it");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void itemsOfferedAfterCloseAreRefusedLikeAFailedBatch() throws Exception {
        IllegalStateException refusal = new IllegalStateException("refused");
        AtomicReference<Integer> refusedCount = new AtomicReference<>();
        GroupWorker<String, String> worker = new GroupWorker<>("test-worker", 8, batch -> batch, (n, cause) -> {
            refusedCount.set(n);
            return refusal;
        });
        worker.close();

        List<CompletableFuture<String>> results = worker.submitAll(List.of("a", "b"));
        assertEquals(2, refusedCount.get());
        for (CompletableFuture<String> result : results) {
            assertSame(refusal, assertThrows(CompletionException.class, result::join).getCause());
        }
        assertSame(refusal, assertThrows(IllegalStateException.class, () -> worker.submit("c")));
        assertEquals(1, refusedCount.get());
    }
}
