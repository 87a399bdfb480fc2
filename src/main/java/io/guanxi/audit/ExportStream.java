package io.guanxi.audit;

import io.guanxi.decisionlog.DecisionReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export as a stream the server pulls from: each read formats the next rows of a streaming
 * result set into a small buffer, so an export of any size holds only a chunk of it in memory. It
 * owns its connections and closes them at the end, on an error, or when the client goes away.
 */
final class ExportStream extends InputStream {

    static final int FETCH_SIZE = 500;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ExportStream.class);

    /** A buffer whose bytes can be read without copying them. */
    private static final class Chunk extends ByteArrayOutputStream {
        Chunk() {
            super(CHUNK_BYTES * 2);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private final MatchingRows rows;
    private final Chunk chunk = new Chunk();
    private final ExportFormat format;
    private int position;
    private boolean done;
    private boolean closed;

    ExportStream(MatchingRows rows, AuditQuery query, DecisionReader reader) throws IOException {
        this.rows = rows;
        this.format = ExportFormat.of(query.format(), chunk, reader);
    }

    ExportFormat format() {
        return format;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position >= chunk.size()) {
            if (done) {
                return -1;
            }
            refill();
        }
        int n = Math.min(length, chunk.size() - position);
        System.arraycopy(chunk.bytes(), position, into, offset, n);
        position += n;
        return n;
    }

    private void refill() throws IOException {
        chunk.reset();
        position = 0;
        try {
            while (chunk.size() < CHUNK_BYTES && !done) {
                if (rows.next()) {
                    format.write(rows.row());
                } else {
                    done = true;
                }
            }
            format.flush();
        } catch (SQLException e) {
            close();
            throw new IOException("the export stopped: the decision log could not be read", e);
        }
        if (done) {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        done = true;
        try {
            rows.close();
        } catch (SQLException e) {
            LOG.warn("Closing an export's connections failed: {}", e.getMessage());
        }
    }
}
