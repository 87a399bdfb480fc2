package io.guanxi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.facts.Coded;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.LifecycleStage;
import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.Tier;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of the spec are what front-end developers copy: every JSON response example fits
 * its schema, and every code shown with a label carries the label the service gives that code.
 */
class SpecExamplesTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load();
    private static final JsonMapper JSON = JsonMapper.createDefault();
    /** The answer's coded fields and the codes they take, with the labels the service answers. */
    private static final Map<String, Class<? extends Coded>> CODED = Map.of(
            "cooperationStage", CooperationStage.class, "previousCooperationStage", CooperationStage.class,
            "lifecycleStage", LifecycleStage.class, "tier", Tier.class, "relationshipType", RelationshipType.class);

    @Test
    void everyJsonResponseExampleFitsItsSchema() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (OpenApiSpec.Operation operation : SPEC.operations()) {
            for (int status : operation.statuses()) {
                for (OpenApiSpec.Example example : SPEC.responseExamples(operation, status)) {
                    JsonNode body = JSON.writeValueToTree(example.value());
                    SchemaCheck.violations(SPEC, example.schema(), body)
                            .forEach(v -> wrong.add(operation + " " + status + " " + example.name() + ": " + v));
                    labels(body, "$", wrong, operation + " " + status + " " + example.name());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void labels(JsonNode node, String at, List<String> wrong, String where) {
        if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node.values()) {
                labels(item, at + "[" + i++ + "]", wrong, where);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.entries()) {
                JsonNode value = field.getValue();
                Class<? extends Coded> type = CODED.get(field.getKey());
                if (type != null && value.isObject() && value.get("code") != null) {
                    String code = value.get("code").getStringValue();
                    String label = value.get("label").getStringValue();
                    String expected = Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code))
                            .map(Coded::label).findFirst().orElse("(no such code)");
                    if (!expected.equals(label)) {
                        wrong.add(where + ": " + at + "." + field.getKey() + " is " + code + " \"" + label
                                + "\"; the service answers \"" + expected + "\"");
                    }
                }
                labels(value, at + "." + field.getKey(), wrong, where);
            }
        }
    }
}
