package io.guanxi.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.decisionlog.DecisionReader;
import io.guanxi.rules.lifecycle.RuleSetArchive;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Answers audit queries over the decision log: a page of records after a cursor, or every matching
 * record as a stream. Reads only; each query runs on a pooled connection of its own.
 */
@Singleton
public class DecisionSearch {

    /** Rows a page reads at a time from each part of the log: a page needs at most its limit plus one. */
    private static final int PAGE_FETCH = 200;

    private final DataSource dataSource;
    private final DecisionReader reader;
    private final RuleSetArchive ruleSets;

    DecisionSearch(DataSource dataSource, DecisionReader reader, RuleSetArchive ruleSets) {
        this.reader = reader;
        this.ruleSets = ruleSets;
        // The plain pool: a streaming export keeps its connections after the request's thread returns.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** {@code {"items": [...], "nextCursor": "..." | null}}; nextCursor is null when no record follows the page. */
    public String page(AuditQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (MatchingRows rows = MatchingRows.open(dataSource, query, false, namingVersions(query), PAGE_FETCH);
             JsonGenerator json = DecisionRows.generator(out)) {
            writePage(json, rows, query.limit());
        } catch (SQLException e) {
            throw new IllegalStateException("the decision log could not be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Up to {@code limit} records; one more is looked for, whose presence means a next page. */
    private void writePage(JsonGenerator json, MatchingRows rows, int limit) throws IOException, SQLException {
        json.writeStartObject();
        json.writeArrayFieldStart("items");
        long lastId = 0;
        int count = 0;
        boolean more = false;
        while (rows.next()) {
            if (++count > limit) {
                more = true;
                break;
            }
            DecisionRows.write(json, rows.row(), reader, false);
            lastId = rows.row().getLong("id");
        }
        json.writeEndArray();
        json.writeStringField("nextCursor", more ? AuditQueryParser.cursorAfter(lastId) : null);
        json.writeEndObject();
    }

    /** Every matching record, streamed; the connections are released when the stream ends or is closed. */
    public StreamedFile export(AuditQuery query) {
        MatchingRows rows = null;
        try {
            rows = MatchingRows.open(dataSource, query, true, namingVersions(query), ExportStream.FETCH_SIZE);
            ExportStream stream = new ExportStream(rows, query, reader);
            return new StreamedFile(stream, MediaType.of(stream.format().contentType()))
                    .attach("decisions." + stream.format().fileExtension());
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(rows, e);
            throw new IllegalStateException("the decision log could not be read", e);
        }
    }

    /**
     * For a filter by full rule name: the rule-set versions in which the rule of that id has that
     * name, since records that store facts keep rule ids only (none without such a filter).
     */
    private List<String> namingVersions(AuditQuery query) {
        return query.ruleName() == null ? List.of() : ruleSets.versionsNaming(query.ruleId(), query.ruleName());
    }

    private static void closeQuietly(MatchingRows rows, Exception cause) {
        if (rows != null) {
            try {
                rows.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
