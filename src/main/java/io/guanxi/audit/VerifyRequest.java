package io.guanxi.audit;

import io.guanxi.decisionlog.chain.ChainVerifier;
import io.guanxi.decisionlog.chain.NotedHead;
import io.guanxi.decisionlog.chain.Verification;
import io.guanxi.platform.web.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an auditor asks the verifier, from the endpoint's query or the command's options: a range
 * ({@code from}, {@code to}) or a noted head to check the log against ({@code since}, alone: it
 * always reaches the current head), and how many breaks to list.
 */
public record VerifyRequest(long from, Long to, NotedHead since, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** Reads the four values as given (null when absent); every bad one is named at once. */
    public static VerifyRequest parse(String from, String to, String since, String limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Long start = number(from, 1, "from", "an integer of at least 1", errors);
        Long end = number(to, start == null ? 1 : start, "to", "an integer of at least 1 and at least from", errors);
        Long max = number(limit, 1, "limit", "an integer from 1 to " + MAX_LIMIT, errors);
        if (max != null && max > MAX_LIMIT) {
            errors.add(new Problem.FieldError("limit", "must be an integer from 1 to " + MAX_LIMIT));
        }
        NotedHead noted = since == null ? null : NotedHead.parse(since);
        if (since != null && noted == null) {
            errors.add(new Problem.FieldError("since", "must be " + NotedHead.FORMAT));
        }
        if (since != null && (from != null || to != null)) {
            errors.add(new Problem.FieldError("since", "cannot be combined with from or to: it checks the log"
                    + " from the noted seq up to the current head"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAuditQueryException(errors);
        }
        return new VerifyRequest(start == null ? 1 : start, end, noted,
                max == null ? DEFAULT_LIMIT : max.intValue());
    }

    /** Runs the verification; on the endpoint and the command alike, inside one read transaction. */
    public Verification run(Connection c) throws SQLException {
        return since == null ? ChainVerifier.verify(c, from, to, limit) : ChainVerifier.since(c, since, limit);
    }

    private static Long number(String text, long min, String name, String expected, List<Problem.FieldError> errors) {
        if (text == null) {
            return null;
        }
        if (text.matches("\\d{1,18}") && Long.parseLong(text) >= min) {
            return Long.parseLong(text);
        }
        errors.add(new Problem.FieldError(name, "must be " + expected));
        return null;
    }
}
