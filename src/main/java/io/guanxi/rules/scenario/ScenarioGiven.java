package io.guanxi.rules.scenario;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.facts.input.CustomerFactsReader;
import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.platform.web.Problem.FieldError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a scenario's {@code given} (the file's {@code defaults} overlaid with the case's own
 * values) into the facts of a request, checked by exactly the rules of the HTTP API, and the stored
 * state {@code previousStage} / {@code previousShare}. Numbers stay exact: a YAML number is read as
 * its text, never as a double.
 */
final class ScenarioGiven {

    static final String DEFAULT_CUSTOMER_ID = "SCENARIO";
    private static final String PREVIOUS_STAGE = "previousStage";
    private static final String PREVIOUS_SHARE = "previousShare";

    private final YamlPlace place;
    private final String prefix;
    private final Map<String, Node> fields;
    private boolean valid = true;

    private ScenarioGiven(YamlPlace place, String caseName, Map<String, Node> fields) {
        this.place = place;
        this.prefix = "case '" + caseName + "': given.";
        this.fields = new LinkedHashMap<>(fields);
    }

    /** The facts and stored state, or null (with the errors reported) when the given is invalid. */
    static Given read(YamlPlace place, String caseName, Node caseNode, Map<String, Node> fields) {
        ScenarioGiven given = new ScenarioGiven(place, caseName, fields);
        StoredRelationship stored = given.stored(caseNode);
        CustomerFacts facts = given.facts(caseNode);
        return given.valid && facts != null ? new Given(facts, stored) : null;
    }

    /** What a valid given describes. */
    record Given(CustomerFacts facts, StoredRelationship stored) {
    }

    private StoredRelationship stored(Node caseNode) {
        Node stageNode = fields.remove(PREVIOUS_STAGE);
        Node shareNode = fields.remove(PREVIOUS_SHARE);
        CooperationStage stage = stageNode == null || isNull(stageNode) ? null : stage(stageNode);
        BigDecimal share = shareNode == null || isNull(shareNode) ? null : share(shareNode);
        if (share != null && stage == null && valid) {
            fail(shareNode, PREVIOUS_SHARE + " needs a previousStage: the service stores both after every decision");
        }
        return new StoredRelationship(stage, share);
    }

    private CooperationStage stage(Node node) {
        String text = node instanceof ScalarNode scalar ? scalar.getValue() : "";
        return Arrays.stream(CooperationStage.values()).filter(s -> s.code().equals(text)).findFirst().orElseGet(() -> {
            fail(node, PREVIOUS_STAGE + " must be one of " + Arrays.toString(CooperationStage.values()) + ", not '" + text + "'");
            return null;
        });
    }

    private BigDecimal share(Node node) {
        BigDecimal share = number(node);
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            fail(node, PREVIOUS_SHARE + " must be a number between 0 and 1");
            return null;
        }
        return share;
    }

    private CustomerFacts facts(Node caseNode) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        if (!fields.containsKey("customerId")) {
            json.add("\"customerId\":\"" + DEFAULT_CUSTOMER_ID + "\"");
        }
        fields.forEach((name, node) -> json.add(quote(name) + ":" + toJson(node)));
        try {
            return CustomerFactsReader.read(json.toString().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidRequestException e) {
            for (FieldError error : e.errors()) {
                fail(fields.getOrDefault(error.field(), caseNode), error.field() + " " + error.message());
            }
            if (e.errors().isEmpty()) {
                fail(caseNode, "given " + e.getMessage());
            }
            return null;
        }
    }

    /** The JSON a request would carry for this value; numbers keep their exact decimal text. */
    private String toJson(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return node.getNodeId().name().equals("sequence") ? "[]" : "{}";
        }
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return "null";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            BigDecimal number = number(scalar);
            return number == null ? "null" : number.toString();
        }
        if (tag.equals(Tag.BOOL) && (scalar.getValue().equals("true") || scalar.getValue().equals("false"))) {
            return scalar.getValue();
        }
        return quote(scalar.getValue());
    }

    private BigDecimal number(Node node) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.STR)) {
            try {
                return new BigDecimal(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                fail(node, "'" + scalar.getValue() + "' is not a plain decimal number");
                return null;
            }
        }
        fail(node, "must be a number");
        return null;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private void fail(Node node, String message) {
        valid = false;
        place.error(node, prefix + message);
    }
}
