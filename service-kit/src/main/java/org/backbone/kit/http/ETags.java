package org.backbone.kit.http;

import jakarta.ws.rs.core.EntityTag;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.problem.ProblemType;

/**
 * ETags are the resource's optimistic-lock version. Updates must send {@code If-Match} with the
 * ETag they read: a missing one is 428, a stale one 412.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by an {@code If-Match} header value; checks presence and syntax only. */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag of the version you are updating");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match " + ifMatch + " is not an ETag of this resource");
        }
    }

    /** Throws 412 unless {@code ifMatch} names {@code currentVersion}. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (requiredVersion(ifMatch) != currentVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "the resource has changed since you read it (current ETag \"" + currentVersion + "\")");
        }
    }
}
