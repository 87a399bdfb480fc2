package io.guanxi.testing;

import io.guanxi.platform.security.ApiKeyAuthenticationFetcher;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Every test request made with Micronaut's HTTP client carries credentials: the all-roles test key
 * (see application-test.yml), unless the test set its own {@code X-API-Key}. Tests of refusals
 * (401/403) use keys of one role, a wrong key, or the JDK client, which this filter does not touch.
 */
@ClientFilter("/**")
public final class ApiKeyTestFilter {

    public static final String ALL_ROLES = "test-all-roles";
    public static final String ADVICE_CLIENT = "test-advice-client";
    public static final String AUDITOR = "test-auditor";
    public static final String RULES_ADMIN = "test-rules-admin";
    public static final String ANALYST = "test-analyst";
    public static final String OPERATOR = "test-operator";

    @RequestFilter
    void addKey(MutableHttpRequest<?> request) {
        if (!request.getHeaders().contains(ApiKeyAuthenticationFetcher.HEADER)) {
            request.header(ApiKeyAuthenticationFetcher.HEADER, ALL_ROLES);
        }
    }
}
