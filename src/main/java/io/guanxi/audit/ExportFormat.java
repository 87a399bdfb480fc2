package io.guanxi.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.decisionlog.DecisionReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How an export writes its records: one JSON object per line ({@code jsonl}) or CSV with a header ({@code csv}). */
public interface ExportFormat {

    String JSONL_TYPE = "application/x-ndjson";
    String CSV_TYPE = "text/csv; charset=utf-8";

    void write(ResultSet row) throws IOException, SQLException;

    /** Pushes everything written so far to the output. */
    void flush() throws IOException;

    String contentType();

    String fileExtension();

    /** Records read as the decision view and the explanation endpoint read them. */
    static ExportFormat of(String name, OutputStream out, DecisionReader reader) throws IOException {
        return "csv".equals(name) ? new Csv(out, reader) : new Jsonl(out, reader);
    }

    /** Newline-delimited JSON: every record, the last one too, ends with LF. */
    final class Jsonl implements ExportFormat {
        private final OutputStream out;
        private final JsonGenerator json;
        private final DecisionReader reader;

        Jsonl(OutputStream out, DecisionReader reader) throws IOException {
            this.out = out;
            this.reader = reader;
            this.json = DecisionRows.generator(out);
        }

        @Override
        public void write(ResultSet row) throws IOException, SQLException {
            DecisionRows.write(json, row, reader, true);
            json.flush();
            out.write('\n');
        }

        @Override
        public void flush() throws IOException {
            json.flush();
        }

        @Override
        public String contentType() {
            return JSONL_TYPE;
        }

        @Override
        public String fileExtension() {
            return "jsonl";
        }
    }

    /** RFC 4180 CSV in UTF-8, the header line first. */
    final class Csv implements ExportFormat {
        private final Writer out;
        private final DecisionReader reader;

        Csv(OutputStream out, DecisionReader reader) throws IOException {
            this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.reader = reader;
            CsvRows.header(this.out);
        }

        @Override
        public void write(ResultSet row) throws IOException, SQLException {
            CsvRows.write(out, row, reader);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public String contentType() {
            return CSV_TYPE;
        }

        @Override
        public String fileExtension() {
            return "csv";
        }
    }
}
