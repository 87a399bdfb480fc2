package io.guanxi.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    /** Made in advance: the answer when a failure cannot even be reported (out of memory). */
    private final RuntimeException lastResort;
    private boolean closed;

    /**
     * @param failure what a caller throws when its item is refused — the number of items refused
     *                (a failed batch's size, or how many items were offered after close) and the cause
     */
    public GroupWorker(String name, int maxBatch, Work<I, O> work,
                       BiFunction<Integer, Throwable, RuntimeException> failure) {
        this.maxBatch = maxBatch;
        this.work = work;
        this.failure = failure;
        this.lastResort = new IllegalStateException(name + " failed a batch and could not say why");
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues the item and waits until the batch holding it is done; throws what {@code failure} made
     * of its failure. An interrupt does not end the wait: once queued, the item may be done (a
     * decision committed) at any moment, and the caller must learn which; the interrupt is kept
     * for the caller to see afterwards.
     */
    public O submit(I item) {
        CompletableFuture<O> result = submitAll(List.of(item)).get(0);
        try {
            return result.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /**
     * Queues the items one after the other, so that they go into the same batch as far as its bound
     * allows, and waits until every one of them is done, as {@link #submit} does. Each item's
     * future is complete on return: with its result, or with what {@code failure} made of its
     * batch's failure (items of one call may land in different batches, and fare differently).
     */
    public List<CompletableFuture<O>> submitAll(List<I> items) {
        List<CompletableFuture<O>> results = new ArrayList<>(items.size());
        synchronized (this) {
            if (closed) {
                RuntimeException refusal = refusal(items.size(),
                        new IllegalStateException(thread.getName() + " is shutting down"));
                items.forEach(item -> results.add(CompletableFuture.failedFuture(refusal)));
                return results;
            }
            for (I item : items) {
                CompletableFuture<O> result = new CompletableFuture<>();
                results.add(result);
                queue.add(new Waiting<>(item, result));
            }
        }
        boolean interrupted = false;
        try {
            for (CompletableFuture<O> result : results) {
                while (!result.isDone()) {
                    try {
                        result.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        // Done: the caller reads the refusal from the future.
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return results;
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
            } catch (Throwable t) {
                // Nothing may end this thread while callers wait; whoever complete() did not answer is refused.
                batch.forEach(w -> w.result().completeExceptionally(lastResort));
                batch.clear();
                LOG.error("{} survived a failure between batches", thread.getName(), t);
            }
        }
    }

    /** Answers every caller of the batch, whatever happens: with its result, or with the batch's refusal. */
    private void complete(List<Waiting<I, O>> batch) {
        try {
            List<O> results = work.apply(batch.stream().map(Waiting::item).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException(results.size() + " results for a batch of " + batch.size());
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (Throwable e) {
            // An Error too: a caller must never wait for a batch that will not finish.
            RuntimeException refusal = refusal(batch.size(), e);
            batch.forEach(w -> w.result().completeExceptionally(refusal));
        }
    }

    private RuntimeException refusal(int items, Throwable cause) {
        try {
            return failure.apply(items, cause);
        } catch (Throwable t) {
            // Making the refusal failed too (out of memory?): the cause itself still answers.
            return cause instanceof RuntimeException r ? r : lastResort;
        }
    }
}
