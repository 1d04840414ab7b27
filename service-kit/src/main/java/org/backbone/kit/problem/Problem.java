package org.backbone.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param errors for validation failures (422, and 400 where a parameter is at fault): which field, and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON pointer-like path ({@code goals[2].title}) and the reason. */
    public record FieldError(String field, String message) {
    }
}
