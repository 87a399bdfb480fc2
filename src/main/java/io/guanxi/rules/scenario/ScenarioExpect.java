package io.guanxi.rules.scenario;

import io.guanxi.facts.Advice;
import io.guanxi.facts.Coded;
import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.LifecycleStage;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.Tier;
import io.guanxi.facts.Transition;
import io.guanxi.rules.scenario.Scenario.CodeKind;
import io.guanxi.rules.scenario.Scenario.CodeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a scenario's {@code expect}: any subset of the advice's answers. Single answers name a
 * code of their closed set; flags, entitlements and actions are lists of codes, checked against the
 * rule set when the scenario runs.
 */
final class ScenarioExpect {

    private static final Map<String, Single> SINGLE = Map.of(
            "cooperationStage", new Single(CooperationStage.values(), Advice::cooperationStage, false),
            "previousCooperationStage", new Single(CooperationStage.values(), Advice::previousCooperationStage, true),
            "transition", new Single(Transition.values(), Advice::transition, false),
            "lifecycleStage", new Single(LifecycleStage.values(), Advice::lifecycleStage, false),
            "tier", new Single(Tier.values(), Advice::tier, false),
            "relationshipType", new Single(RelationshipType.values(), Advice::relationshipType, false));
    private static final List<String> LISTS = List.of("flags", "flagsPresent", "flagsAbsent", "entitlements",
            "actions", "actionsPresent", "actionsAbsent", "firstAction");

    private final YamlPlace place;
    private final String prefix;
    private final List<Expectation> expectations = new ArrayList<>();
    private final List<CodeReference> codes = new ArrayList<>();
    private boolean valid = true;

    private ScenarioExpect(YamlPlace place, String caseName) {
        this.place = place;
        this.prefix = "case '" + caseName + "': expect.";
    }

    /** A single-valued answer: its closed set and where the advice keeps it. */
    private record Single(Coded[] values, Function<Advice, Coded> answer, boolean nullable) {
    }

    static ScenarioExpect read(YamlPlace place, String caseName, Node expect) {
        ScenarioExpect reader = new ScenarioExpect(place, caseName);
        for (NodeTuple entry : place.entries(expect, "case '" + caseName + "': expect")) {
            reader.field(YamlPlace.key(entry), entry.getKeyNode(), entry.getValueNode());
        }
        return reader;
    }

    boolean valid() {
        return valid;
    }

    List<Expectation> expectations() {
        return expectations;
    }

    List<CodeReference> codes() {
        return codes;
    }

    private void field(String name, Node key, Node value) {
        if (SINGLE.containsKey(name)) {
            single(name, SINGLE.get(name), value);
        } else if (LISTS.contains(name)) {
            List<String> listed = codes(name, value);
            if (listed != null) {
                expectations.addAll(ScenarioChecks.of(name, listed));
            }
        } else {
            fail(key, name + " is not a known field; expect one of "
                    + String.join(", ", new java.util.TreeSet<>(SINGLE.keySet())) + ", " + String.join(", ", LISTS));
        }
    }

    private void single(String name, Single single, Node value) {
        String code = scalar(name, value, single.nullable());
        if (code == null && !(single.nullable() && isNull(value))) {
            return;
        }
        if (code != null && Arrays.stream(single.values()).noneMatch(v -> v.code().equals(code))) {
            fail(value, name + ": unknown code '" + code + "'; expected one of "
                    + Arrays.stream(single.values()).map(Coded::code).toList() + (single.nullable() ? " or null" : ""));
            return;
        }
        expectations.add(new Expectation(name, String.valueOf(code),
                a -> codeOf(single.answer().apply(a)), a -> String.valueOf(code).equals(codeOf(single.answer().apply(a)))));
    }

    private List<String> codes(String name, Node value) {
        CodeKind kind = name.startsWith("flag") ? CodeKind.FLAG
                : name.startsWith("entitlement") ? CodeKind.ENTITLEMENT : CodeKind.ACTION;
        List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        if (name.equals("firstAction") && !(value instanceof ScalarNode)) {
            fail(value, name + " must be one action code");
            return null;
        }
        List<String> listed = new ArrayList<>();
        for (Node item : items) {
            String code = scalar(name, item, name.equals("firstAction"));
            if (code != null) {
                codes.add(new CodeReference(kind, code, place.of(item) + ": " + prefix + name));
                listed.add(code);
            } else if (!isNull(item) || !name.equals("firstAction")) {
                return null;
            }
        }
        return listed;
    }

    private String scalar(String name, Node node, boolean nullable) {
        if (node instanceof ScalarNode scalar && isNull(scalar) && nullable) {
            return null;
        }
        if (node instanceof ScalarNode scalar && !isNull(scalar) && scalar.getValue().matches("[A-Z][A-Z0-9_]*")) {
            return scalar.getValue();
        }
        fail(node, name + ": expected a code in capitals (like STABLE), not " + describe(node));
        return null;
    }

    private static String describe(Node node) {
        return node instanceof ScalarNode scalar ? "'" + scalar.getValue() + "'" : "a " + node.getNodeId();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String codeOf(Coded value) {
        return value == null ? "null" : value.code();
    }

    static List<String> actionCodes(Advice advice) {
        return advice.actions().stream().map(RecommendedAction::code).toList();
    }

    private void fail(Node node, String message) {
        valid = false;
        place.error(node, prefix + message);
    }
}
