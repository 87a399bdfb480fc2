package io.guanxi.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that many request threads hand in and one thread of its own does in batches: whatever
 * queued up while the previous batch ran goes into the next one (up to a bound), so that one
 * database round trip serves many requests, and the busier the service, the more it serves. Each
 * caller waits for its own result. A batch that fails fails every caller in it.
 *
 * @param <I> what a caller hands in
 * @param <O> what it gets back
 */
public final class GroupWorker<I, O> implements AutoCloseable {

    /** Does one batch: one result per item, in the items' order. */
    public interface Work<I, O> {
        List<O> apply(List<I> batch) throws Exception;
    }

    private record Waiting<I, O>(I item, CompletableFuture<O> result) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupWorker.class);

    private final BlockingQueue<Waiting<I, O>> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final Work<I, O> work;
    private final BiFunction<Integer, Throwable, RuntimeException> failure;
    private final Thread thread;
    private boolean closed;

    /**
     * @param failure what a caller throws when its item is refused — the number of items refused
     *                (a failed batch's size; 1 for an item offered after close; 0 for a caller that
     *                was interrupted and stops waiting, whose item may still be done) and the cause
     */
    public GroupWorker(String name, int maxBatch, Work<I, O> work,
                       BiFunction<Integer, Throwable, RuntimeException> failure) {
        this.maxBatch = maxBatch;
        this.work = work;
        this.failure = failure;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the item and waits until the batch holding it is done; throws what {@code failure} made of its failure. */
    public O submit(I item) {
        CompletableFuture<O> result = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                throw failure.apply(1, new IllegalStateException(thread.getName() + " is shutting down"));
            }
            queue.add(new Waiting<>(item, result));
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply(0, e);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** How many items wait for the next batch (for tests that need a batch to form). */
    public int queued() {
        return queue.size();
    }

    /** Takes no more items, finishes those queued, and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void run() {
        List<Waiting<I, O>> batch = new ArrayList<>(maxBatch);
        while (!isClosed() || !queue.isEmpty()) {
            try {
                Waiting<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    complete(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                // Only close() may stop this thread, after the queue is empty.
                LOG.warn("{} was interrupted; it keeps running until closed", thread.getName());
            }
        }
    }

    private void complete(List<Waiting<I, O>> batch) {
        List<O> results;
        try {
            results = work.apply(batch.stream().map(Waiting::item).toList());
        } catch (Exception | Error e) {
            // An Error too: a caller must never wait for a batch that will not finish.
            RuntimeException refusal = failure.apply(batch.size(), e);
            batch.forEach(w -> w.result().completeExceptionally(refusal));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }
}
