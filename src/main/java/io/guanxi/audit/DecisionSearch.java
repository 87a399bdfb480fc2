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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Answers audit queries over the decision log: a page of records after a cursor, or every matching
 * record as a stream. Reads only; each query runs on a pooled connection of its own.
 */
@Singleton
public class DecisionSearch {

    private final DataSource dataSource;
    private final DecisionReader reader;
    private final RuleSetArchive ruleSets;

    DecisionSearch(DataSource dataSource, DecisionReader reader, RuleSetArchive ruleSets) {
        this.reader = reader;
        this.ruleSets = ruleSets;
        // The plain pool: a streaming export keeps its connection after the request's thread returns.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** {@code {"items": [...], "nextCursor": "..." | null}}; nextCursor is null when no record follows the page. */
    public String page(AuditQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = AuditSql.summaries(connection, query, namingVersions(query)).execute(connection, 0);
             JsonGenerator json = DecisionRows.generator(out)) {
            writePage(json, rows, query.limit());
        } catch (SQLException e) {
            throw new IllegalStateException("the decision log could not be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Up to {@code limit} records; the query asked for one more, whose presence means a next page. */
    private void writePage(JsonGenerator json, ResultSet rows, int limit) throws IOException, SQLException {
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
            DecisionRows.write(json, rows, reader, false);
            lastId = rows.getLong("id");
        }
        json.writeEndArray();
        json.writeStringField("nextCursor", more ? AuditQueryParser.cursorAfter(lastId) : null);
        json.writeEndObject();
    }

    /** Every matching record, streamed; the connection is released when the stream ends or is closed. */
    public StreamedFile export(AuditQuery query) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            ExportStream stream = new ExportStream(connection, query, namingVersions(query), reader);
            return new StreamedFile(stream, MediaType.of(stream.format().contentType()))
                    .attach("decisions." + stream.format().fileExtension());
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(connection, e);
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

    private static void closeQuietly(Connection connection, Exception cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
