package org.backbone.kit.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.List;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.problem.Problem;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.problem.ProblemType;

/**
 * ETags are the resource's optimistic-lock version ({@code "3"}). Updates must send
 * {@code If-Match}: {@code *}, or one or more entity tags, compared strongly as RFC 9110 says — a
 * weak tag ({@code W/"3"}) or another spelling ({@code "03"}) never matches. A missing header is
 * 428, one that is not entity tags 400, one that names no current version 412.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Checks that {@code If-Match} is present and well-formed, before anything is read. */
    public static void requirePresent(String ifMatch) {
        tags(ifMatch);
    }

    /** Throws 412 unless {@code ifMatch} is {@code *} or lists the strong tag of {@code currentVersion}. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        List<String> tags = tags(ifMatch);
        String current = "\"" + currentVersion + "\"";
        if (!tags.contains("*") && !tags.contains(current)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "the resource has changed since you read it (current ETag " + current + ")");
        }
    }

    /** The entity tags of an If-Match value, as written ({@code *}, {@code "3"}, {@code W/"3"}). */
    static List<String> tags(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag of the version you are updating");
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return List.of("*");
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            int start = i;
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= value.length() || value.charAt(i) != '"') {
                throw malformed();
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                throw malformed();
            }
            tags.add(value.substring(start, close + 1));
            i = close + 1;
            while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < value.length()) {
                if (value.charAt(i) != ',') {
                    throw malformed();
                }
                i++;
                while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= value.length()) {
                    throw malformed();
                }
            }
        }
        return tags;
    }

    private static ProblemException malformed() {
        return new ProblemException(ProblemType.MALFORMED_REQUEST,
                "If-Match must be * or entity tags such as \"3\" (quoted)", List.of(new FieldProblem(IF_MATCH,
                "must be * or a comma-separated list of quoted entity tags")));
    }
}
