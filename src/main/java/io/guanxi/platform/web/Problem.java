package io.guanxi.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An error answer (RFC 9457 problem details). {@code errors} lists every violation of a 400, each
 * with the JSON field name as sent; other statuses leave it out.
 */
@Serdeable
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One violation: the offending JSON field ({@code ""} for the body as a whole) and what is wrong. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
