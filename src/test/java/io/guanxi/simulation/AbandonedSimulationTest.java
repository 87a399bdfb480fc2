package io.guanxi.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.guanxi.testing.AuditDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A simulation whose instance stopped mid-run (as another instance, or this one before a restart,
 * left it) is reported failed once its heartbeat is old; one whose instance still beats is not.
 */
@MicronautTest(transactional = false)
class AbandonedSimulationTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void aRunWhoseInstanceFellSilentIsFailedAndALiveOneIsNot() throws SQLException {
        AdviceApi api = new AdviceApi(client, json);
        String live = runningSince(Duration.ofSeconds(5));
        String stopped = runningSince(Heartbeat.SILENT.plusSeconds(30));

        JsonNode abandoned = api.get("/v1/simulations/" + stopped).body();
        assertEquals("FAILED", abandoned.get("state").getStringValue());
        assertTrue(abandoned.get("error").getStringValue().startsWith("abandoned: the instance running it stopped"),
                abandoned::toString);
        assertTrue(!abandoned.get("finishedAt").isNull(), "finished when it was last alive");
        assertEquals("RUNNING", api.get("/v1/simulations/" + live).body().get("state").getStringValue());
    }

    /** A RUNNING simulation as an instance left it, its last heartbeat {@code ago}. */
    private static String runningSince(Duration ago) throws SQLException {
        String id = UUID.randomUUID().toString();
        LocalDateTime beat = LocalDateTime.now(ZoneOffset.UTC).minus(ago);
        try (Connection c = AuditDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO simulation (id, state, candidate_version, request_json, started_at, heartbeat_at)"
                        + " VALUES (?, 'RUNNING', ?, '{}', ?, ?)")) {
            s.setString(1, id);
            s.setString(2, "sha256:" + "0".repeat(64));
            s.setObject(3, beat.minusMinutes(1));
            s.setObject(4, beat);
            s.executeUpdate();
        }
        return id;
    }
}
