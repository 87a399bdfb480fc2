package io.guanxi.platform.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Authenticates a request by its API key, sent as {@code X-API-Key: <key>} or as
 * {@code Authorization: Bearer <key>} (what a Prometheus scrape config sends); an unknown or
 * missing key is anonymous (401 where it matters).
 */
@Singleton
public final class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    public static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    ApiKeyAuthenticationFetcher(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String presented = presentedKey(request.getHeaders());
        if (presented == null || presented.isEmpty()) {
            return Publishers.empty();
        }
        return keys.rolesOf(presented)
                .map(roles -> Publishers.just(Authentication.build("api-key:" + String.join("+", roles), roles)))
                .orElseGet(Publishers::empty);
    }

    /** The X-API-Key header when present (it wins), else the token of a Bearer authorization, else null. */
    static String presentedKey(HttpHeaders headers) {
        String key = headers.get(HEADER);
        if (key != null) {
            return key;
        }
        String authorization = headers.get(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
    }
}
