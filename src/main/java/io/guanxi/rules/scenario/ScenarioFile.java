package io.guanxi.rules.scenario;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses one scenario file: a mapping with an optional {@code defaults} (given values every case
 * starts from) and {@code cases}, a list of {@code name}, {@code given}, {@code expect}. Every
 * problem is reported as {@code path:line:column: message}; valid cases are kept.
 */
final class ScenarioFile {

    private static final Set<String> TOP = Set.of("defaults", "cases");
    private static final Set<String> CASE = Set.of("name", "given", "expect");

    private final YamlPlace place;
    private final Map<String, Node> defaults = new LinkedHashMap<>();
    private final List<Scenario> scenarios = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private ScenarioFile(YamlPlace place) {
        this.place = place;
    }

    static List<Scenario> parse(String path, byte[] content, List<String> errors) {
        ScenarioFile file = new ScenarioFile(new YamlPlace(path, errors));
        Node root = file.compose(new String(content, StandardCharsets.UTF_8), errors);
        if (root != null) {
            file.top(root);
        }
        return file.scenarios;
    }

    private Node compose(String text, List<String> errors) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                errors.add(place.path() + ":1:1: the file is empty; expected 'cases:'");
            }
            return root;
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            errors.add(place.of(e.getProblemMark()) + ": not valid YAML: " + problem);
        } catch (YAMLException e) {
            errors.add(place.path() + ": not valid YAML: " + e.getMessage());
        }
        return null;
    }

    private void top(Node root) {
        Node cases = null;
        for (NodeTuple entry : place.entries(root, "a scenario file")) {
            String key = YamlPlace.key(entry);
            if (key.equals("defaults")) {
                place.entries(entry.getValueNode(), "defaults").forEach(t -> defaults.put(YamlPlace.key(t), t.getValueNode()));
            } else if (key.equals("cases")) {
                cases = entry.getValueNode();
            } else {
                place.error(entry.getKeyNode(), key + " is not a known field; a scenario file has " + TOP);
            }
        }
        if (cases instanceof SequenceNode list) {
            list.getValue().forEach(this::scenario);
        } else if (root instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            place.error(cases == null ? root : cases, "'cases' must be a list of scenarios (name, given, expect)");
        }
    }

    private void scenario(Node node) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple entry : place.entries(node, "a case")) {
            if (CASE.contains(YamlPlace.key(entry))) {
                fields.put(YamlPlace.key(entry), entry);
            } else {
                place.error(entry.getKeyNode(), YamlPlace.key(entry) + " is not a known field; a case has name, given, expect");
            }
        }
        String name = name(node, fields.get("name"));
        if (name == null || !fields.containsKey("expect")) {
            if (name != null) {
                place.error(node, "case '" + name + "': 'expect' is missing");
            }
            return;
        }
        Map<String, Node> given = new LinkedHashMap<>(defaults);
        if (fields.containsKey("given")) {
            place.entries(fields.get("given").getValueNode(), "case '" + name + "': given")
                    .forEach(t -> given.put(YamlPlace.key(t), t.getValueNode()));
        }
        ScenarioExpect expect = ScenarioExpect.read(place, name, fields.get("expect").getValueNode());
        ScenarioGiven.Given facts = ScenarioGiven.read(place, name, node, given);
        if (facts != null && expect.valid()) {
            scenarios.add(new Scenario(place.path(), name, facts.facts(), facts.stored(), expect.expectations(), expect.codes()));
        }
    }

    private String name(Node node, NodeTuple entry) {
        if (entry == null || !(entry.getValueNode() instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            place.error(entry == null ? node : entry.getValueNode(), "every case needs a 'name'");
            return null;
        }
        if (!names.add(scalar.getValue())) {
            place.error(scalar, "case '" + scalar.getValue() + "' is named twice in this file");
            return null;
        }
        return scalar.getValue();
    }
}
