package io.guanxi.rules.completeness;

import io.guanxi.rules.RuleSetSource;
import io.guanxi.rules.completeness.GridPoints.Point;
import io.guanxi.rules.engine.FiredRuleRecorder;
import io.guanxi.rules.engine.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proves that a rule set gives each single-valued answer (cooperation stage, transition, lifecycle
 * stage, tier, relationship type) exactly once, over a grid of boundary facts built per question
 * from the threshold literals in the rule files as they are now, with every stored-stage case.
 */
public final class CompletenessCheck {

    /** Problems listed per question before the rest are only counted, so a gap stays readable. */
    static final int SHOWN_PER_QUESTION = 20;

    private CompletenessCheck() {
    }

    /** One line per combination without exactly one answer (the first few per question), or none. */
    public static List<String> check(RuleSetSource source, RuleSet ruleSet) {
        GridRules rules = GridRules.of(source.files());
        List<String> problems = new ArrayList<>();
        for (GridQuestion question : GridQuestion.values()) {
            List<String> conditions = rules.conditionsBehind(question.conclusion());
            List<Point> grid = GridPoints.of(GridQuestion.reads(conditions), GridThresholds.of(conditions));
            problems.addAll(check(question, grid, ruleSet));
        }
        return problems;
    }

    /** The number of single-valued questions checked. */
    public static int questionCount() {
        return GridQuestion.values().length;
    }

    private static List<String> check(GridQuestion question, List<Point> points, RuleSet ruleSet) {
        List<String> found = points.parallelStream().map(p -> problem(question, p, ruleSet))
                .filter(p -> p != null).toList();
        List<String> shown = new ArrayList<>(found.subList(0, Math.min(found.size(), SHOWN_PER_QUESTION)));
        if (found.size() > SHOWN_PER_QUESTION) {
            shown.add("completeness: " + question.label() + ": " + found.size() + " of " + points.size()
                    + " combinations lack exactly one answer; the first " + SHOWN_PER_QUESTION + " are listed");
        }
        return shown;
    }

    private static String problem(GridQuestion question, Point point, RuleSet ruleSet) {
        Set<Object> answers;
        try {
            answers = question.answers(ruleSet.conclude(point.facts(), point.stored(), new FiredRuleRecorder()));
        } catch (RuntimeException e) {
            return "completeness: " + question.label() + ": the rules failed (" + e.getMessage() + ") for "
                    + point.description();
        }
        if (answers.size() == 1) {
            return null;
        }
        String what = answers.isEmpty() ? "no answer" : answers.size() + " different answers " + answers;
        return "completeness: " + question.label() + ": " + what + " for " + point.description();
    }
}
