package io.guanxi.audit;

import io.guanxi.facts.Tier;
import io.guanxi.facts.Transition;
import io.guanxi.platform.web.Problem;
import io.guanxi.rules.RuleId;
import io.micronaut.http.HttpParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the query parameters of an audit query strictly: unknown or repeated parameters and bad
 * values are refused, every one of them reported by its parameter name.
 */
public final class AuditQueryParser {

    static final Set<String> FILTERS = Set.of("customerId", "from", "to", "tier", "rule", "transition",
            "experiment", "arm");
    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final List<String> ARMS = List.of("champion", "challenger", "shadow");
    private static final Pattern CURSOR = Pattern.compile("d([1-9]\\d{0,17})");

    private static final Instant EARLIEST = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);
    private static final Instant LATEST = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

    private final HttpParameters parameters;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private AuditQueryParser(HttpParameters parameters) {
        this.parameters = parameters;
    }

    public static AuditQuery page(HttpParameters parameters) {
        return new AuditQueryParser(parameters).parse(Set.of("limit", "cursor"));
    }

    public static AuditQuery export(HttpParameters parameters) {
        return new AuditQueryParser(parameters).parse(Set.of("format"));
    }

    /** The opaque position after a page's last record. */
    static String cursorAfter(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("d" + id).getBytes(StandardCharsets.US_ASCII));
    }

    private AuditQuery parse(Set<String> own) {
        parameters.names().stream().filter(n -> !FILTERS.contains(n) && !own.contains(n)).sorted()
                .forEach(n -> error(n, "unknown parameter; expected one of " + known(own)));
        String rule = value("rule", r -> r.length() <= 255, "at most 255 characters");
        RuleId ruleId = ruleId(rule);
        AuditQuery query = new AuditQuery(
                value("customerId", v -> CUSTOMER_ID.matcher(v).matches(), "1 to 64 of A-Z a-z 0-9 . _ : -"),
                instant("from"), instant("to"),
                value("tier", v -> isCode(Tier.values(), v), "one of " + Arrays.toString(Tier.values())),
                ruleId == null ? null : ruleId.toString(), ruleId != null && rule.contains(" ") ? rule : null,
                value("transition", v -> isCode(Transition.values(), v), "one of " + Arrays.toString(Transition.values())),
                own.contains("cursor") ? cursor() : 0, own.contains("limit") ? limit() : 0,
                own.contains("format") ? format() : null,
                convert(value("experiment", v -> v.matches("[1-9]\\d{0,17}"), "an experiment id (a positive integer)"),
                        "experiment", Long::valueOf, "must be an experiment id"),
                value("arm", v -> ARMS.contains(v), "one of " + ARMS));
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            error("to", "must not be before from");
        }
        if (!errors.isEmpty()) {
            throw new InvalidAuditQueryException(errors);
        }
        return query;
    }

    private String value(String name, java.util.function.Predicate<String> valid, String expected) {
        List<String> all = parameters.getAll(name);
        if (all.size() > 1) {
            error(name, "given " + all.size() + " times; give it once");
            return null;
        }
        if (all.isEmpty()) {
            return null;
        }
        if (!valid.test(all.get(0))) {
            error(name, "must be " + expected);
            return null;
        }
        return all.get(0);
    }

    /** The id a rule filter names: the filter is the id itself, or a full rule name, which starts with it. */
    private RuleId ruleId(String rule) {
        return convert(rule, "rule", r -> RuleId.parse(r.split(" ", 2)[0]),
                "must be a rule id (" + RuleId.GRAMMAR_TEXT + ") such as TIER-010, or a rule's full name");
    }

    private Instant instant(String name) {
        return convert(value(name, v -> !v.isEmpty(), "an ISO-8601 instant such as 2026-11-23T08:15:30Z"), name,
                AuditQueryParser::comparableInstant, "must be an ISO-8601 instant such as 2026-11-23T08:15:30Z");
    }

    /** The instant, if a database date-time can be compared with it; the years of Instant go further. */
    private static Instant comparableInstant(String text) {
        Instant instant = Instant.parse(text);
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    }

    private long cursor() {
        Long id = convert(value("cursor", v -> !v.isEmpty(), "a nextCursor from an earlier page"), "cursor", v -> {
            var m = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(v), StandardCharsets.US_ASCII));
            return m.matches() ? Long.parseLong(m.group(1)) : null;
        }, "must be a nextCursor from an earlier page");
        return id == null ? 0 : id;
    }

    private int limit() {
        String v = value("limit", s -> s.matches("\\d{1,4}") && Integer.parseInt(s) >= 1
                && Integer.parseInt(s) <= AuditQuery.MAX_LIMIT, "an integer from 1 to " + AuditQuery.MAX_LIMIT);
        return v == null ? AuditQuery.DEFAULT_LIMIT : Integer.parseInt(v);
    }

    private String format() {
        String v = value("format", f -> f.equals("jsonl") || f.equals("csv"), "jsonl or csv");
        return v == null ? "jsonl" : v;
    }

    private <T> T convert(String value, String name, Function<String, T> parse, String message) {
        if (value == null) {
            return null;
        }
        T parsed;
        try {
            parsed = parse.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null) {
            error(name, message);
        }
        return parsed;
    }

    private static boolean isCode(Enum<?>[] values, String v) {
        return Arrays.stream(values).anyMatch(e -> e.name().equals(v));
    }

    private static String known(Set<String> own) {
        return new java.util.TreeSet<>(java.util.stream.Stream.concat(FILTERS.stream(), own.stream()).toList()).toString();
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }
}
