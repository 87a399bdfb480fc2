package io.guanxi.simulation;

import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.platform.UtcMillis;
import io.guanxi.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads kept simulations: a run's state and report, its changes a page at a time or as an export. */
@Singleton
class SimulationReader {

    static final String JSONL = "application/x-ndjson";
    static final String CSV = "text/csv; charset=utf-8";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int LISTED = 50;
    private static final Pattern CURSOR = Pattern.compile("c([1-9]\\d{0,17})");

    private final SimulationStore store;
    private final Simulations simulations;
    private final Heartbeat heartbeat;
    private final JsonMapper json;

    SimulationReader(SimulationStore store, Simulations simulations, Heartbeat heartbeat, JsonMapper json) {
        this.store = store;
        this.simulations = simulations;
        this.heartbeat = heartbeat;
        this.json = json;
    }

    SimulationView view(String id) {
        heartbeat.abandonSilent();
        SimulationStore.Row row = store.find(id).orElseThrow(() -> new UnknownSimulationException(id));
        return new SimulationView(id, row.state(), row.candidateVersion(), UtcMillis.format(row.startedAt()),
                row.finishedAt() == null ? null : UtcMillis.format(row.finishedAt()), simulations.progress(id),
                row.report() == null ? null : read(row.report(), Report.class), row.error(),
                "/v1/simulations/" + id + "/changes");
    }

    /** The latest {@code LISTED} simulations, newest first. */
    SimulationView.Listing recent() {
        heartbeat.abandonSilent();
        return new SimulationView.Listing(store.recent(LISTED).stream().map(row -> new SimulationView.Summary(row.id(),
                row.state(), row.candidateVersion(), UtcMillis.format(row.startedAt()),
                row.finishedAt() == null ? null : UtcMillis.format(row.finishedAt()), requestOf(row),
                "/v1/simulations/" + row.id())).toList());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> requestOf(SimulationStore.Row row) {
        return read(row.request(), Map.class);
    }

    SimulationView.ChangePage page(String id, @Nullable String cursor, @Nullable String limit) {
        store.find(id).orElseThrow(() -> new UnknownSimulationException(id));
        long after = after(cursor);
        int size = limit(limit);
        List<SimulationStore.Kept> kept = store.changes(id, after, size);
        List<Change> items = kept.stream().map(k -> read(k.json(), Change.class)).toList();
        String next = kept.size() < size ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("c" + kept.get(kept.size() - 1).ordinal()).getBytes(StandardCharsets.US_ASCII));
        return new SimulationView.ChangePage(items, next);
    }

    /** Every change of the simulation, streamed; paging parameters make no sense here and are refused. */
    StreamedFile export(String id, String format, boolean paged) {
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw invalid("format", "must be jsonl or csv");
        }
        if (paged) {
            throw invalid("format", "an export holds every change: leave out cursor and limit");
        }
        store.find(id).orElseThrow(() -> new UnknownSimulationException(id));
        boolean csv = format.equals("csv");
        ChangeStream stream = new ChangeStream(store, id, csv ? ChangeCsv.HEADER : "",
                csv ? text -> ChangeCsv.row(read(text, Change.class)) : text -> text + "\n");
        return new StreamedFile(stream, MediaType.of(csv ? CSV : JSONL)).attach("changes-" + id + "." + format);
    }

    private static long after(@Nullable String cursor) {
        if (cursor == null) {
            return 0;
        }
        Matcher m;
        try {
            m = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw invalid("cursor", "must be a nextCursor from an earlier page");
        }
        if (!m.matches()) {
            throw invalid("cursor", "must be a nextCursor from an earlier page");
        }
        return Long.parseLong(m.group(1));
    }

    private static int limit(@Nullable String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(limit);
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException("invalid " + field, List.of(new Problem.FieldError(field, message)));
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a kept simulation is not readable", e);
        }
    }
}
