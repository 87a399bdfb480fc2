package io.guanxi.simulation;

import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.StoredRelationship;
import io.guanxi.facts.input.AdviceRequestValidator;
import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.platform.web.Problem;
import io.guanxi.rules.engine.RuleSet;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON-lines file of facts, each line an advice request body checked exactly as
 * {@code POST /v1/advice} checks it; with no stored state, each is decided as a first decision. With
 * a baseline rule set, {@code before} is what the baseline decides for the same line.
 */
final class FactsPopulation implements Population {

    /** A facts file is refused as a whole: at most this many of its invalid lines are listed. */
    private static final int LISTED_ERRORS = 50;

    private final List<CustomerFacts> lines;
    private final List<Integer> lineNumbers;
    private final RuleSet baseline;

    private FactsPopulation(List<CustomerFacts> lines, List<Integer> lineNumbers, @Nullable RuleSet baseline) {
        this.lines = lines;
        this.lineNumbers = lineNumbers;
        this.baseline = baseline;
    }

    /** The valid facts of every non-blank line, or an {@link InvalidRequestException} naming each fault as {@code line N: field}. */
    static FactsPopulation parse(String jsonLines, @Nullable RuleSet baseline) {
        List<CustomerFacts> facts = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        String[] lines = jsonLines.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                facts.add(AdviceRequestValidator.validate(lines[i].getBytes(StandardCharsets.UTF_8)).facts());
                numbers.add(i + 1);
            } catch (InvalidRequestException e) {
                int line = i + 1;
                e.errors().forEach(f -> errors.add(new Problem.FieldError("line " + line + ": " + f.field(), f.message())));
            }
        }
        if (facts.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("facts", "holds no line of facts"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() + " problem(s) in the facts; nothing was simulated",
                    errors.subList(0, Math.min(errors.size(), LISTED_ERRORS)));
        }
        return new FactsPopulation(facts, numbers, baseline);
    }

    @Override
    public void visit(Visitor visitor) {
        for (int i = 0; i < lines.size(); i++) {
            CustomerFacts facts = lines.get(i);
            StoredRelationship none = StoredRelationship.none();
            Outcome before = baseline == null ? null : Outcome.of(baseline.evaluate(facts, none));
            visitor.member(new Member(lineNumbers.get(i), null, null, baseline == null ? null : baseline.version(),
                    facts, none, before));
            visitor.progress(i + 1, lines.size());
        }
    }

    int size() {
        return lines.size();
    }
}
