package io.guanxi.platform.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Who may read a sensitive management endpoint (the metrics at {@code /prometheus}): a key with the
 * OPERATOR role, and no other. Keyed on the endpoint itself rather than on a URL pattern, so no
 * spelling of its path gets past it; anonymous callers are refused by the rule it extends.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class OperatorEndpointRule extends SensitiveEndpointRule {

    OperatorEndpointRule(EndpointSensitivityProcessor endpoints) {
        super(endpoints);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains(Roles.OPERATOR)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
