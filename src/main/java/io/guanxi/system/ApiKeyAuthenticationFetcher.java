package io.guanxi.system;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** Authenticates a request by its {@code X-API-Key} header; an unknown or missing key is anonymous (401 where it matters). */
@Singleton
final class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;

    ApiKeyAuthenticationFetcher(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String presented = request.getHeaders().get(HEADER);
        if (presented == null || presented.isEmpty()) {
            return Publishers.empty();
        }
        return keys.rolesOf(presented)
                .map(roles -> Publishers.just(Authentication.build("api-key:" + String.join("+", roles), roles)))
                .orElseGet(Publishers::empty);
    }
}
