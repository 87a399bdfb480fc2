package io.guanxi.simulation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The kept changes of a simulation as a stream the server pulls from, one page of them formatted at
 * a time: an export of any size holds one page in memory, and no connection between reads.
 */
final class ChangeStream extends InputStream {

    private static final int PAGE = 500;

    private final SimulationStore store;
    private final String id;
    private final Function<String, String> line;
    private InputStream chunk;
    private long after;
    private boolean done;

    /** {@code header} first (may be empty), then {@code line} of each change's JSON. */
    ChangeStream(SimulationStore store, String id, String header, Function<String, String> line) {
        this.store = store;
        this.id = id;
        this.line = line;
        this.chunk = new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        while (true) {
            int n = chunk.read(into, offset, length);
            if (n != -1 || done) {
                return n;
            }
            refill();
        }
    }

    private void refill() {
        List<SimulationStore.Kept> page = store.changes(id, after, PAGE);
        done = page.size() < PAGE;
        StringBuilder text = new StringBuilder(page.size() * 512);
        for (SimulationStore.Kept kept : page) {
            text.append(line.apply(kept.json()));
            after = kept.ordinal();
        }
        chunk = new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
