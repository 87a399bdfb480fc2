package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.guanxi.testing.Poll;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A customer's state row locked by someone else (another instance, an operator's session) while a
 * decision for that customer is written: the answer must say truly what became of the record,
 * whichever of the appender's two timeouts ends the wait ({@link LockWaitTimeoutTest},
 * {@link LostConnectionTest}).
 */
final class LockedState {

    private LockedState() {
    }

    /** Makes a first decision for a new customer and returns its id; the second one will wait. */
    static String decided(AdviceApi api, String prefix) {
        String customer = AdviceApi.uniqueCustomer(prefix);
        assertEquals(200, api.advise(AdviceApi.validRequest(customer)).status());
        return customer;
    }

    /** What the session holding the lock does to end it. */
    interface Release {
        void run(Connection holder) throws SQLException;
    }

    /**
     * Advises the customer while another session holds its state row locked; that session ends the
     * lock with {@code release} after {@code releaseAfterMillis}, or once the answer is in when null.
     */
    static AdviceApi.Reply adviseWhileLocked(AdviceApi api, String customer, Long releaseAfterMillis, Release release)
            throws Exception {
        try (Connection holder = AuditDatabase.connect()) {
            lock(holder, customer);
            CompletableFuture<AdviceApi.Reply> reply = CompletableFuture.supplyAsync(
                    () -> api.advise(AdviceApi.validRequest(customer)));
            if (releaseAfterMillis != null) {
                Thread.sleep(releaseAfterMillis);
                release.run(holder);
            }
            AdviceApi.Reply answered = reply.get(60, TimeUnit.SECONDS);
            if (releaseAfterMillis == null) {
                release.run(holder);
            }
            return answered;
        }
    }

    /** Locks the customer's state row in a transaction of this connection, until it ends. */
    private static void lock(Connection c, String customer) throws SQLException {
        c.setAutoCommit(false);
        assertEquals(customer, AuditDatabase.text(c, "SELECT customer_id FROM customer_state WHERE customer_id = ?"
                + " FOR UPDATE", customer));
    }

    /**
     * Until one other session runs a statement containing {@code text} (the appender's write, waiting
     * on a lock this connection holds); fails if none does within ten seconds.
     */
    static void awaitWaiting(Connection c, String text) throws Exception {
        String waiting = "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE id <> CONNECTION_ID()"
                + " AND info LIKE CONCAT('%', ?, '%')";
        Poll.until("a session waits running " + text, Duration.ofSeconds(10),
                () -> !"0".equals(AuditDatabase.text(c, waiting, text)));
        assertEquals("1", AuditDatabase.text(c, waiting, text), () -> "no session waits running " + text);
    }

    static long records(String customer) throws SQLException {
        try (Connection c = AuditDatabase.connect()) {
            return Long.parseLong(AuditDatabase.text(c, "SELECT COUNT(*) FROM decision_record WHERE customer_id = ?",
                    customer));
        }
    }

    static String version(String customer) throws SQLException {
        try (Connection c = AuditDatabase.connect()) {
            return AuditDatabase.text(c, "SELECT version FROM customer_state WHERE customer_id = ?", customer);
        }
    }

}
