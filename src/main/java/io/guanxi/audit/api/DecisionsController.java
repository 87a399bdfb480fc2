package io.guanxi.audit.api;

import io.guanxi.decisionlog.DecisionReader;
import io.guanxi.decisionlog.chain.DecisionRecord;
import io.guanxi.decisionlog.chain.DecisionRecordRepository;
import io.guanxi.platform.UtcMillis;
import io.guanxi.platform.security.Roles;
import io.guanxi.platform.web.Problem;
import io.guanxi.platform.web.Problems;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers an auditor's or front-end's question: what exactly was decided, on which facts, by which rules? */
@Controller("/v1/decisions")
// Database work blocks: keep it off the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
class DecisionsController {

    private final DecisionRecordRepository decisions;
    private final DecisionReader reader;
    private final JsonMapper json;

    DecisionsController(DecisionRecordRepository decisions, DecisionReader reader, JsonMapper json) {
        this.decisions = decisions;
        this.reader = reader;
        this.json = json;
    }

    /** The stored record of one decision; 404 for any id not found, well-formed or not. */
    @Secured({Roles.ADVICE_CLIENT, Roles.AUDITOR})
    @Get(uri = "/{decisionId}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> decision(@PathVariable String decisionId) {
        return find(decisionId)
                .<HttpResponse<?>>map(d -> HttpResponse.ok(view(d)))
                .orElseGet(() -> notFound(decisionId));
    }

    /**
     * Why each output of one decision has its value: the rules that set it and the fact values they
     * read, rendered from the stored trace with the rule set version that made the decision.
     */
    @Secured(Roles.AUDITOR)
    @Get(uri = "/{decisionId}/explanation", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> explanation(@PathVariable String decisionId) {
        return find(decisionId)
                .<HttpResponse<?>>map(d -> HttpResponse.ok(new ExplanationView(d.decisionId(), d.customerId(),
                        d.rulesetVersion(), UtcMillis.format(d.decidedAt()),
                        tree(reader.read(d).explanations()))))
                .orElseGet(() -> notFound(decisionId));
    }

    /** No id outside ASCII exists, and the ASCII column cannot even be compared with one: not found, without asking. */
    private Optional<DecisionRecord> find(String decisionId) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(decisionId) ? decisions.findByDecisionId(decisionId) : Optional.empty();
    }

    private DecisionView view(DecisionRecord d) {
        DecisionReader.Reading reading = reader.read(d);
        List<String> fired = new ArrayList<>();
        tree(reading.firedRules()).values().forEach(n -> fired.add(n.getStringValue()));
        return new DecisionView(d.decisionId(), d.customerId(), d.requestId(), d.rulesetVersion(),
                UtcMillis.format(d.decidedAt()), d.evaluationMicros(),
                tree(d.inputJson()), tree(reading.output()), fired, d.experimentId(), d.experimentArm(),
                d.shadowJson() == null ? null : tree(d.shadowJson()),
                d.seq() == null ? null : new DecisionView.ChainPlace(d.seq(), d.hash(), d.prevHash()));
    }

    private JsonNode tree(String stored) {
        try {
            return json.readValue(stored, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored decision is not valid JSON", e);
        }
    }

    private static HttpResponse<Problem> notFound(String decisionId) {
        return Problems.of(HttpStatus.NOT_FOUND, "no decision with id " + decisionId);
    }
}
