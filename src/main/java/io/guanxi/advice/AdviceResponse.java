package io.guanxi.advice;

import io.guanxi.facts.Advice;
import io.guanxi.facts.Coded;
import io.guanxi.facts.RecommendedAction;
import io.guanxi.platform.UtcMillis;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The answer of {@code POST /v1/advice}: every field always present, {@code null} or {@code []} when empty. */
@Serdeable
public record AdviceResponse(
        String decisionId,
        String customerId,
        String rulesetVersion,
        CodeLabel cooperationStage,
        @Nullable CodeLabel previousCooperationStage,
        String transition,
        CodeLabel lifecycleStage,
        CodeLabel tier,
        CodeLabel relationshipType,
        List<String> flags,
        List<String> entitlements,
        List<ActionView> actions,
        List<String> firedRules,
        String decidedAt) {


    /** A business value as the front-end shows it: the stable code and the Chinese label. */
    @Serdeable
    public record CodeLabel(String code, String label) {

        static CodeLabel of(Coded value) {
            return value == null ? null : new CodeLabel(value.code(), value.label());
        }
    }

    /** One ranked next best action and the full names of the rules that proposed it. */
    @Serdeable
    public record ActionView(String code, String label, int priority, List<String> reasons) {

        static ActionView of(RecommendedAction a) {
            return new ActionView(a.code(), a.label(), a.priority(), a.reasons());
        }
    }

    static AdviceResponse of(String decisionId, String customerId, Advice advice, Instant decidedAt) {
        return new AdviceResponse(decisionId, customerId, advice.rulesetVersion(),
                CodeLabel.of(advice.cooperationStage()),
                CodeLabel.of(advice.previousCooperationStage()),
                advice.transition().code(),
                CodeLabel.of(advice.lifecycleStage()),
                CodeLabel.of(advice.tier()),
                CodeLabel.of(advice.relationshipType()),
                advice.flags(),
                advice.entitlements(),
                advice.actions().stream().map(ActionView::of).toList(),
                advice.firedRules(),
                UtcMillis.format(decidedAt));
    }
}
