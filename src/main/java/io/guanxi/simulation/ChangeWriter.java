package io.guanxi.simulation;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Keeps the changes a replay finds, in batches, so a run holds at most one batch of them in memory. */
final class ChangeWriter implements Replay.Changes {

    private static final int BATCH = 500;

    private final SimulationStore store;
    private final Connection connection;
    private final String id;
    private final JsonMapper json;
    private final List<String> pending = new ArrayList<>(BATCH);
    private long written;

    ChangeWriter(SimulationStore store, Connection connection, String id, JsonMapper json) {
        this.store = store;
        this.connection = connection;
        this.id = id;
        this.json = json;
    }

    @Override
    public void add(Change change) {
        try {
            pending.add(json.writeValueAsString(change));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            store.addChanges(connection, id, written + 1, pending);
        } catch (SQLException e) {
            throw new SimulationFailedException("cannot keep the changes of simulation " + id + ": " + e.getMessage(), e);
        }
        written += pending.size();
        pending.clear();
    }
}
