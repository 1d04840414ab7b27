package org.backbone.kit.problem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.backbone.kit.domain.FieldProblem;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param errors for validation failures (422, and 400 where a parameter is at fault): which field, and why;
 *               the problem's kind is not part of the API (the status says it)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance,
        @JsonIgnoreProperties("kind") List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Set by the gateway ({@code /api}), so that {@code instance} is the path the caller used. */
    public static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("/[a-z0-9/_-]{0,40}");

    /** {@code prefix + path} as a URI, or null where the path is not one (a problem must still be answered). */
    public static URI instance(String prefix, String path) {
        if (path == null) {
            return null;
        }
        String full = (prefix != null && PREFIX.matcher(prefix).matches() ? prefix : "") + path;
        try {
            return URI.create(full.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
