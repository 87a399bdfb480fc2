package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * The socket timeout ends the wait first, and the lock is released after it: the server still
 * runs the batch to its COMMIT, so the caller must hear that it was committed, not refused.
 */
@MicronautTest(transactional = false)
@Property(name = "guanxi.decision-log.lock-wait-timeout", value = "20s")
@Property(name = "guanxi.decision-log.socket-timeout", value = "1s")
class LostConnectionTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void aBatchThatCommittedAfterItsConnectionWasLostIsAnsweredAsCommitted() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        String customer = LockedState.decided(api, "LOSTCONN");
        // Released past the appender's socket timeout: its connection is given up while the server still waits.
        AdviceApi.Reply answered = LockedState.adviseWhileLocked(api, customer, 2_500L, Connection::rollback);

        assertEquals(200, answered.status(), () -> String.valueOf(answered.body()));
        assertEquals(2, LockedState.records(customer), "the decision answered 200 is stored");
        assertEquals("1", LockedState.version(customer));
        assertEquals(true, api.get("/v1/audit/verify").body().get("ok").getBooleanValue());
    }
}
