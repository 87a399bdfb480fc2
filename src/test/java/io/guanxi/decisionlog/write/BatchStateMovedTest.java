package io.guanxi.decisionlog.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Batch advice decides a group of customers together and hands their decisions to the log at once.
 * When another writer (another instance) moves one customer's state between the group's read and
 * its commit, that decision alone is decided again on the state as it now is; the others commit.
 */
@MicronautTest(transactional = false)
class BatchStateMovedTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void aDecisionWhoseStateMovedWhileItsGroupWaitedIsDecidedAgainOnTheNewState() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        String moved = LockedState.decided(api, "BATCH-MOVED");
        String other = AdviceApi.uniqueCustomer("BATCH-MOVED");
        String body = "{\"items\": [" + api.write(AdviceApi.validRequest(moved)) + ","
                + api.write(AdviceApi.validRequest(other)) + "]}";

        JsonNode results;
        try (Connection holder = AuditDatabase.connect()) {
            holder.setAutoCommit(false);
            assertEquals(1, AuditDatabase.update(holder, "UPDATE customer_state SET cooperation_stage = 'STABLE',"
                    + " version = version + 1 WHERE customer_id = ?", moved));
            CompletableFuture<AdviceApi.Reply> reply = CompletableFuture.supplyAsync(() -> api.exchange(
                    HttpRequest.POST("/v1/advice/batch", body).contentType(MediaType.APPLICATION_JSON_TYPE)));
            LockedState.awaitWaiting(holder, "UPDATE customer_state");
            holder.commit();
            AdviceApi.Reply answered = reply.get(60, TimeUnit.SECONDS);
            assertEquals(200, answered.status(), () -> api.write(answered.body()));
            results = answered.body().get("results");
        }

        assertEquals("STABLE", results.get(0).get("previousCooperationStage").get("code").getStringValue(),
                "decided again on the state the other writer stored");
        assertEquals("REGRESSED", results.get(0).get("transition").getStringValue());
        assertEquals(2, LockedState.records(moved), "the group's first decision for it was not kept");
        assertEquals(200, api.get("/v1/decisions/" + results.get(1).get("decisionId").getStringValue()).status(),
                "the other customer's decision committed");
        assertEquals(true, api.get("/v1/audit/verify").body().get("ok").getBooleanValue());
    }
}
