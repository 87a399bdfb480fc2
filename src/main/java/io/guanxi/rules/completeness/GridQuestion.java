package io.guanxi.rules.completeness;

import io.guanxi.facts.Cooperation;
import io.guanxi.facts.KeyAccountTier;
import io.guanxi.facts.Lifecycle;
import io.guanxi.facts.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A single-valued business question: the conclusion that answers it. The facts it reads, directly
 * or through the answers it builds on, come from the rule files (see {@link GridRules}).
 */
enum GridQuestion {
    COOPERATION_STAGE("cooperation stage", Cooperation.class, c -> ((Cooperation) c).getStage()),
    TRANSITION("transition", Cooperation.class, c -> ((Cooperation) c).getTransition()),
    LIFECYCLE_STAGE("lifecycle stage", Lifecycle.class, l -> ((Lifecycle) l).getStage()),
    TIER("tier", KeyAccountTier.class, t -> ((KeyAccountTier) t).getTier()),
    RELATIONSHIP_TYPE("relationship type", Relationship.class, r -> ((Relationship) r).getType());

    private final String label;
    private final Class<?> conclusion;
    private final Function<Object, Object> answer;

    GridQuestion(String label, Class<?> conclusion, Function<Object, Object> answer) {
        this.label = label;
        this.conclusion = conclusion;
        this.answer = answer;
    }

    String label() {
        return label;
    }

    Class<?> conclusion() {
        return conclusion;
    }

    /** The facts named in the given conditions; a share change brings the share and the stored share. */
    static List<GridField> reads(List<String> conditions) {
        String text = String.join("\n", conditions);
        List<GridField> reads = new ArrayList<>();
        for (GridField field : GridField.values()) {
            boolean viaShareChange = text.contains("ShareChange")
                    && (field == GridField.PURCHASE_SHARE || field == GridField.PREVIOUS_SHARE);
            if (viaShareChange || Pattern.compile("\\b" + field.fieldName() + "\\b").matcher(text).find()) {
                reads.add(field);
            }
        }
        return reads;
    }

    /** The distinct answers an evaluation left in working memory. */
    Set<Object> answers(List<Object> workingMemory) {
        Set<Object> answers = new LinkedHashSet<>();
        for (Object o : workingMemory) {
            if (conclusion.isInstance(o)) {
                answers.add(answer.apply(o));
            }
        }
        return answers;
    }
}
