package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The lock outlasts the lock-wait timeout: the statement fails cleanly, nothing is stored, and the caller is told so. */
@MicronautTest(transactional = false)
@Property(name = "guanxi.decision-log.lock-wait-timeout", value = "1s")
class LockWaitTimeoutTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void theDecisionIsRefusedAsNotStoredAndStaysNotStoredAfterTheLockIsGone() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        String customer = LockedState.decided(api, "LOCKWAIT");
        AdviceApi.Reply refused = LockedState.adviseWhileLocked(api, customer, null, Connection::rollback);

        assertEquals(503, refused.status(), () -> String.valueOf(refused.body()));
        assertTrue(refused.text("detail").contains("nothing was stored"), refused.text("detail"));
        Thread.sleep(500);
        assertEquals(1, LockedState.records(customer), "no record of the refused decision, even once the lock is gone");
        assertEquals("0", LockedState.version(customer), "the state the refused decision would have changed");
        assertEquals(200, api.advise(AdviceApi.validRequest(customer)).status());
        assertEquals("1", LockedState.version(customer));
    }
}

