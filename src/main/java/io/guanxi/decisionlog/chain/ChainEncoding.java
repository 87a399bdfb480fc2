package io.guanxi.decisionlog.chain;

import io.guanxi.platform.UtcMillis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The canonical encoding of a decision record that its chain hash covers: one list of stored
 * fields in a fixed order, so that the appender, the verifier and the SQL agree by construction.
 * The exact format is documented in README ("Audit chain"); changing it breaks every stored hash.
 */
public final class ChainEncoding {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    /** A stored column the hash covers, its Java type as read over JDBC, and where the record keeps it. */
    public record Field(String column, Class<?> type, Function<DecisionRecord, Object> value) {
    }

    /**
     * Every stored field but the surrogate id and the hashes themselves. The id is left out because
     * it was not known when the first chained records were sealed (the database assigned it on
     * insert); since V7 the appender assigns it when sealing, but it stays out so that every hash
     * keeps its meaning. Append a new column here, one line; a null field is left out of the
     * encoding, so a column that older records lack (NULL) leaves their hashes unchanged.
     */
    public static final List<Field> FIELDS = List.of(
            new Field("seq", Long.class, DecisionRecord::seq),
            new Field("decision_id", String.class, DecisionRecord::decisionId),
            new Field("customer_id", String.class, DecisionRecord::customerId),
            new Field("request_id", String.class, DecisionRecord::requestId),
            new Field("ruleset_version", String.class, DecisionRecord::rulesetVersion),
            new Field("previous_stage", String.class, DecisionRecord::previousStage),
            new Field("cooperation_stage", String.class, DecisionRecord::cooperationStage),
            new Field("transition", String.class, DecisionRecord::transition),
            new Field("lifecycle_stage", String.class, DecisionRecord::lifecycleStage),
            new Field("tier", String.class, DecisionRecord::tier),
            new Field("relationship_type", String.class, DecisionRecord::relationshipType),
            new Field("input_json", String.class, DecisionRecord::inputJson),
            new Field("output_json", String.class, DecisionRecord::outputJson),
            new Field("fired_rules", String.class, DecisionRecord::firedRules),
            new Field("decided_at", LocalDateTime.class, DecisionRecord::decidedAt),
            new Field("evaluation_micros", Long.class, DecisionRecord::evaluationMicros),
            new Field("explanation_json", String.class, DecisionRecord::explanationJson),
            new Field("decision_json", String.class, DecisionRecord::decisionJson),
            new Field("experiment_id", Long.class, DecisionRecord::experimentId),
            new Field("experiment_arm", String.class, DecisionRecord::experimentArm),
            new Field("shadow_json", String.class, DecisionRecord::shadowJson));

    /** The columns of {@link #FIELDS}, comma-separated, for SELECT and INSERT. */
    public static final String COLUMNS = FIELDS.stream().map(Field::column).collect(Collectors.joining(", "));


    private ChainEncoding() {
    }

    /** The hash of a record whose seq and prevHash are set. */
    public static String hash(DecisionRecord record) {
        Object[] values = FIELDS.stream().map(f -> f.value().apply(record)).toArray();
        return hash(values, record.prevHash());
    }

    /**
     * The hash of the field values in {@link #FIELDS} order, followed by the previous hash: the
     * SHA-256 of exactly the bytes of {@link #encode}, fed line by line so that each value is
     * turned into UTF-8 once (the appender seals every record on one thread).
     */
    public static String hash(Object[] values, String prevHash) {
        MessageDigest sha = sha256();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                digestLine(sha, FIELDS.get(i).column(), text(values[i]));
            }
        }
        digestLine(sha, "prev_hash", prevHash == null ? "" : prevHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digestLine(MessageDigest sha, String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((name + ':' + bytes.length + ':').getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
        sha.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Each non-null field as {@code column:byteLength:value\n}, then {@code prev_hash:64:<hex>\n}: what {@link #hash} digests. */
    static String encode(Object[] values, String prevHash) {
        StringBuilder out = new StringBuilder(2048);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                line(out, FIELDS.get(i).column(), text(values[i]));
            }
        }
        line(out, "prev_hash", prevHash == null ? "" : prevHash);
        return out.toString();
    }

    /** The values of {@link #FIELDS} in one row of a query that selected {@link #COLUMNS}. */
    public static Object[] values(ResultSet row) throws SQLException {
        Object[] values = new Object[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getObject(FIELDS.get(i).column(), FIELDS.get(i).type());
        }
        return values;
    }

    private static void line(StringBuilder out, String name, String value) {
        // The length prefix makes the encoding unambiguous whatever a value contains.
        out.append(name).append(':').append(value.getBytes(StandardCharsets.UTF_8).length).append(':')
                .append(value).append('\n');
    }

    private static String text(Object value) {
        if (value instanceof LocalDateTime t) {
            return UtcMillis.format(t);
        }
        if (value instanceof String || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
    }
}
