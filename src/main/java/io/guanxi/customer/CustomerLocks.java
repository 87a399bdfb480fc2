package io.guanxi.customer;

import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the decisions of one customer within this instance: a request holds its customer's
 * lock from reading the stored state until its decision is committed. Different customers never
 * wait for each other; a lock lives only while someone holds or awaits it.
 */
@Singleton
public final class CustomerLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    public <T> T withLock(String customerId, Supplier<T> work) {
        Entry entry = locks.compute(customerId, (id, e) -> {
            Entry held = e == null ? new Entry() : e;
            held.users++;
            return held;
        });
        entry.lock.lock();
        try {
            return work.get();
        } finally {
            entry.lock.unlock();
            locks.computeIfPresent(customerId, (id, e) -> --e.users == 0 ? null : e);
        }
    }

    /** How many customers have a lock right now (held or awaited). */
    int size() {
        return locks.size();
    }
}
