package io.guanxi.rules.lifecycle;

import io.guanxi.platform.web.Problem;
import io.guanxi.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A rule set that did not pass the gate and did not go live (HTTP 422), with every problem found;
 * each error's place ({@code path:line:column}) is its {@code field}.
 */
public final class RuleSetRejectedException extends ProblemException {

    private final transient List<String> lines;

    public RuleSetRejectedException(String message, List<String> errors) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, message, errors.stream().map(RuleSetRejectedException::located).toList(),
                null);
        this.lines = List.copyOf(errors);
    }

    /** The errors as the analyst reads them: {@code path:line:column: message}. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public String kind() {
        return "ruleset-rejected";
    }

    private static Problem.FieldError located(String error) {
        int split = error.indexOf(": ");
        return split < 0 ? new Problem.FieldError("", error)
                : new Problem.FieldError(error.substring(0, split), error.substring(split + 2));
    }
}
