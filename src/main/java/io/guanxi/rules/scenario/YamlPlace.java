package io.guanxi.rules.scenario;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where in a scenario file a YAML node is ({@code path:line:column}), and the errors found there:
 * every problem names its place so an analyst can go straight to it.
 */
final class YamlPlace {

    private final String path;
    private final List<String> errors;

    YamlPlace(String path, List<String> errors) {
        this.path = path;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    String of(Node node) {
        return of(node.getStartMark());
    }

    String of(Mark mark) {
        return mark == null ? path : path + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    void error(Node node, String message) {
        errors.add(of(node) + ": " + message);
    }

    /** The entries of a mapping with scalar keys; anything else is reported and yields no entries. */
    List<NodeTuple> entries(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> entries = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode) {
                    entries.add(tuple);
                } else {
                    error(tuple.getKeyNode(), what + ": keys must be plain names");
                }
            }
            return entries;
        }
        error(node, what + " must be a mapping of name: value");
        return List.of();
    }

    static String key(NodeTuple tuple) {
        return ((ScalarNode) tuple.getKeyNode()).getValue();
    }
}
