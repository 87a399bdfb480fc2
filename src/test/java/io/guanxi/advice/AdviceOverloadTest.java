package io.guanxi.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.advice.AdviceApi.Reply;
import io.guanxi.customer.CustomerLocks;
import io.guanxi.platform.web.Problem;
import io.guanxi.testing.Poll;
import io.guanxi.testing.Scrape;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An overloaded service says so at once: past the advice queue ({@code guanxi.advice.queue}) a
 * request is answered 503 with a problem that names the overload and a {@code Retry-After}, nothing
 * is decided for it, it is counted under its own cause, and what was taken is still decided. Over real HTTP, with the
 * one decider held up on a customer lock the test owns so that the queue fills.
 */
@MicronautTest(transactional = false)
@Property(name = "guanxi.advice.deciders", value = "1")
@Property(name = "guanxi.advice.queue", value = "64")
class AdviceOverloadTest {

    private static final int QUEUE = 64;
    private static final int BEYOND = 6;
    private static final int NEVER_DONE_SECONDS = 60;

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    CustomerLocks locks;

    @Test
    void pastTheQueueARequestIsRefusedAtOnceAndWhatWasTakenIsStillDecided() throws Exception {
        AdviceApi api = new AdviceApi(client, json);
        String blocker = AdviceApi.uniqueCustomer("OVERLOAD-BLOCK");
        Scrape before = Scrape.of(server.getURI());
        ExecutorService clients = Executors.newFixedThreadPool(QUEUE + BEYOND);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        try (HeldCustomer blocked = HeldCustomer.hold(locks, blocker)) {
            CompletableFuture<Reply> held = CompletableFuture.supplyAsync(
                    () -> api.advise(AdviceApi.validRequest(blocker)), clients);
            blocked.awaitWaiter();
            // The held request is one of the queue's places: the next QUEUE - 1 are taken, the rest refused.
            for (int i = 1; i < QUEUE + BEYOND; i++) {
                String customer = AdviceApi.uniqueCustomer("OVERLOAD");
                replies.add(CompletableFuture.supplyAsync(() -> api.advise(AdviceApi.validRequest(customer)), clients));
            }
            List<Reply> refused = awaitAnswered(replies, BEYOND);
            for (Reply reply : refused) {
                assertEquals(503, reply.status(), reply::toString);
                assertEquals(Problem.CONTENT_TYPE, reply.contentType());
                assertTrue(reply.text("detail").contains("overloaded"), reply.text("detail"));
            }
            HttpClientResponseException oneMore = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.POST("/v1/advice",
                            api.write(AdviceApi.validRequest(AdviceApi.uniqueCustomer("OVERLOAD")))), String.class));
            assertEquals(503, oneMore.code());
            assertEquals("1", oneMore.getResponse().header(HttpHeaders.RETRY_AFTER),
                    "the client is told when to try again");
            replies.add(held);
        }
        int decided = 0;
        for (CompletableFuture<Reply> reply : replies) {
            if (reply.get(NEVER_DONE_SECONDS, TimeUnit.SECONDS).status() == 200) {
                decided++;
            }
        }
        clients.shutdown();
        assertEquals(QUEUE, decided, "every request taken is decided once the decider is free again");
        Scrape after = Scrape.of(server.getURI());
        assertEquals(BEYOND + 1, after.since(before, "guanxi_decisions_total", "cause=overloaded", "status=503"));
        assertEquals(QUEUE, after.since(before, "guanxi_decisions_total", "outcome=answered"));
    }

    /** The replies that came back while the decider is held up: only refusals can. */
    private static List<Reply> awaitAnswered(List<CompletableFuture<Reply>> replies, int count) {
        Poll.until("the requests beyond the queue are answered", Duration.ofSeconds(NEVER_DONE_SECONDS),
                () -> replies.stream().filter(CompletableFuture::isDone).count() >= count);
        List<Reply> answered = replies.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
        assertEquals(count, answered.size(), "exactly the requests beyond the queue are answered at once");
        return answered;
    }
}
