package io.guanxi.simulation;

import io.guanxi.facts.Tier;
import io.guanxi.facts.Transition;
import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.platform.web.Problem;
import io.guanxi.rules.RuleId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to simulate: the candidate (a stored {@code version}, or the complete rule {@code files} with
 * their {@code tests/*.yaml} scenarios; neither: the live rule set) over a population (the logged
 * decisions of {@code [from, to)} matching the audit filters, or the JSON lines of {@code facts}).
 */
@Serdeable
record SimulationRequest(@Nullable String version, @Nullable List<CandidateFile> files, @Nullable String from,
                         @Nullable String to, @Nullable String customerId, @Nullable String tier,
                         @Nullable String rule, @Nullable String transition, @Nullable String facts) {

    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** One file of a candidate: its path in the rules directory and its text (or, for a spreadsheet, its bytes in base64). */
    @Serdeable
    record CandidateFile(String path, @Nullable String content, @Nullable String contentBase64) {
    }

    /** The population filter, or every problem of the request by field name. */
    PopulationFilter check() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (version != null && !VERSION.matcher(version).matches()) {
            errors.add(new Problem.FieldError("version", "must be a rule-set version: sha256: and 64 hex digits"));
        }
        if (version != null && files != null) {
            errors.add(new Problem.FieldError("files", "give a stored version or files, not both"));
        }
        checkFiles(errors);
        boolean filtered = from != null || to != null || customerId != null || tier != null || rule != null
                || transition != null;
        if (facts != null && filtered) {
            errors.add(new Problem.FieldError("facts", "a facts file is decided as it is: leave out the log filters"));
        }
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        check("customerId", customerId, CUSTOMER_ID.matcher(customerId == null ? "" : customerId).matches(),
                "1 to 64 of A-Z a-z 0-9 . _ : -", errors);
        check("tier", tier, isCode(Tier.values(), tier), "one of " + Arrays.toString(Tier.values()), errors);
        check("transition", transition, isCode(Transition.values(), transition),
                "one of " + Arrays.toString(Transition.values()), errors);
        check("rule", rule, rule != null && rule.matches(RuleId.GRAMMAR), "a rule id such as TIER-010", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() + " field(s) of the simulation request are invalid", errors);
        }
        return PopulationFilter.of(start, end, customerId, tier, rule, transition);
    }

    private void checkFiles(List<Problem.FieldError> errors) {
        if (files == null) {
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            CandidateFile f = files.get(i);
            if (f.path() == null || f.path().isBlank() || f.path().startsWith("/") || f.path().contains("..")) {
                errors.add(new Problem.FieldError("files[" + i + "].path", "must be a relative path in the rules directory"));
            }
            if ((f.content() == null) == (f.contentBase64() == null)) {
                errors.add(new Problem.FieldError("files[" + i + "]", "give exactly one of content and contentBase64"));
            }
        }
    }

    private static void check(String field, String value, boolean valid, String expected, List<Problem.FieldError> errors) {
        if (value != null && !valid) {
            errors.add(new Problem.FieldError(field, "must be " + expected));
        }
    }

    private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T08:15:30Z"));
            return null;
        }
    }

    private static boolean isCode(Enum<?>[] codes, String value) {
        return Arrays.stream(codes).anyMatch(c -> c.name().equals(value));
    }
}
