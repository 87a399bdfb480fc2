package io.guanxi.rules;

import static io.guanxi.rules.GridField.ANNUAL_REVENUE;
import static io.guanxi.rules.GridField.OPEN_COMPLAINTS;
import static io.guanxi.rules.GridField.ORDER_COUNT;
import static io.guanxi.rules.GridField.PAYMENT_RATE;
import static io.guanxi.rules.GridField.PREVIOUS_SHARE;
import static io.guanxi.rules.GridField.PREVIOUS_STAGE;
import static io.guanxi.rules.GridField.PROFIT_MARGIN;
import static io.guanxi.rules.GridField.PURCHASE_SHARE;
import static io.guanxi.rules.GridField.REVENUE_TREND;
import static io.guanxi.rules.GridField.SATISFACTION;
import static io.guanxi.rules.GridField.SEGMENT_SIZE;
import static io.guanxi.rules.GridField.STRATEGIC_INDUSTRY;
import static io.guanxi.rules.GridField.TENURE;

import io.guanxi.facts.Cooperation;
import io.guanxi.facts.KeyAccountTier;
import io.guanxi.facts.Lifecycle;
import io.guanxi.facts.Relationship;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A single-valued business question and the facts it reads, directly or through the answers it
 * builds on (the tier reads the cooperation stage, so it reads the share and the stored stage).
 */
enum GridQuestion {
    COOPERATION_STAGE("cooperation stage", Cooperation.class, c -> ((Cooperation) c).getStage(),
            List.of(PURCHASE_SHARE, PREVIOUS_STAGE)),
    TRANSITION("transition", Cooperation.class, c -> ((Cooperation) c).getTransition(),
            List.of(PURCHASE_SHARE, PREVIOUS_STAGE)),
    LIFECYCLE_STAGE("lifecycle stage", Lifecycle.class, l -> ((Lifecycle) l).getStage(),
            List.of(PURCHASE_SHARE, PREVIOUS_STAGE, PREVIOUS_SHARE, REVENUE_TREND, SATISFACTION, OPEN_COMPLAINTS,
                    TENURE, ORDER_COUNT)),
    TIER("tier", KeyAccountTier.class, t -> ((KeyAccountTier) t).getTier(),
            List.of(PURCHASE_SHARE, PREVIOUS_STAGE, ANNUAL_REVENUE, REVENUE_TREND, STRATEGIC_INDUSTRY, PROFIT_MARGIN,
                    PAYMENT_RATE)),
    RELATIONSHIP_TYPE("relationship type", Relationship.class, r -> ((Relationship) r).getType(),
            List.of(PURCHASE_SHARE, PREVIOUS_STAGE, SEGMENT_SIZE, PROFIT_MARGIN, ANNUAL_REVENUE, REVENUE_TREND,
                    STRATEGIC_INDUSTRY, PAYMENT_RATE));

    private final String label;
    private final Class<?> conclusion;
    private final Function<Object, Object> answer;
    private final List<GridField> reads;

    GridQuestion(String label, Class<?> conclusion, Function<Object, Object> answer, List<GridField> reads) {
        this.label = label;
        this.conclusion = conclusion;
        this.answer = answer;
        this.reads = reads;
    }

    String label() {
        return label;
    }

    List<GridField> reads() {
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
