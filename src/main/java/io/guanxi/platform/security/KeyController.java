package io.guanxi.platform.security;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Tells a caller what its own key may do, so that a client (the console) offers only that. */
@Controller("/v1/me")
class KeyController {

    /** The roles of the key presented, sorted. */
    @Serdeable
    record KeyView(List<String> roles) {
    }

    /** The roles of the key that called. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get(produces = MediaType.APPLICATION_JSON)
    KeyView me(Authentication authentication) {
        return new KeyView(authentication.getRoles().stream().sorted().toList());
    }
}
