package io.guanxi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A verification range the service cannot walk is refused with 400, naming the parameter at fault as sent. */
@MicronautTest(transactional = false)
class VerifyRangeParametersTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
        "from=0|from", "from=5&to=4|to", "from=0&to=-1|from to", "from=abc|from", "to=1.5|to", "from=1&from=2|from"})
    void badRangeIsRefusedByName(String query, String fields) {
        AdviceApi.Reply reply = new AdviceApi(client, json).get("/v1/audit/verify?" + query);

        assertEquals(400, reply.status(), () -> String.valueOf(reply.body()));
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        List<String> named = new java.util.ArrayList<>();
        reply.body().get("errors").values().forEach(e -> named.add(e.get("field").getStringValue()));
        assertEquals(new TreeSet<>(Arrays.asList(fields.split(" "))), new TreeSet<>(named), () -> String.valueOf(reply.body()));
    }
}
