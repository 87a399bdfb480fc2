package io.guanxi.decisionlog.write;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Marks every response of the benchmark-only in-memory mode, so that nobody mistakes it for the real service. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "guanxi.benchmark-in-memory", value = "true")
final class BenchmarkModeMarker {

    static final String HEADER = "X-Guanxi-Benchmark-Mode";

    @ResponseFilter
    void mark(MutableHttpResponse<?> response) {
        response.header(HEADER, "in-memory");
    }
}
