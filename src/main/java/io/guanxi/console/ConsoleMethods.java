package io.guanxi.console;

import io.guanxi.platform.web.Problems;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

/**
 * The console's files are read, never written: a method other than GET or HEAD on them is 405, as
 * on any path of the API. Without this, the static-resource handler would answer any method with
 * the file.
 */
@Filter({"/console", "/console/**"})
final class ConsoleMethods implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return chain.proceed(request);
        }
        return Publishers.just(Problems.of(HttpStatus.METHOD_NOT_ALLOWED,
                request.getMethodName() + " is not allowed on " + request.getPath()).header("Allow", "GET, HEAD"));
    }
}
