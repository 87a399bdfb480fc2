package io.guanxi.customer;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the decisions of one customer within this instance: a group of decisions holds its
 * customers' locks from reading their stored states until the decisions are committed. Groups of
 * different customers never wait for each other; a lock lives only while someone holds or awaits it.
 */
@Singleton
public final class CustomerLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    /**
     * Does the work holding the locks of all these customers. They are taken in the order of their
     * ids, so that two callers holding several never wait for each other in a circle.
     */
    public <T> T withLocks(Collection<String> customerIds, Supplier<T> work) {
        List<String> ordered = customerIds.stream().distinct().sorted().toList();
        List<Entry> held = new ArrayList<>(ordered.size());
        try {
            for (String customerId : ordered) {
                held.add(acquire(customerId));
            }
            return work.get();
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                release(ordered.get(i), held.get(i));
            }
        }
    }

    private Entry acquire(String customerId) {
        Entry entry = locks.compute(customerId, (id, e) -> {
            Entry held = e == null ? new Entry() : e;
            held.users++;
            return held;
        });
        entry.lock.lock();
        return entry;
    }

    private void release(String customerId, Entry entry) {
        entry.lock.unlock();
        locks.computeIfPresent(customerId, (id, e) -> --e.users == 0 ? null : e);
    }

    /** How many callers wait for this customer's lock right now. */
    public int waiting(String customerId) {
        Entry entry = locks.get(customerId);
        return entry == null ? 0 : entry.lock.getQueueLength();
    }

    /** How many customers have a lock right now (held or awaited). */
    int size() {
        return locks.size();
    }
}
