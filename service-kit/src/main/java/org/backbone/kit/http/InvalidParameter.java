package org.backbone.kit.http;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, header or path parameter that does not fit its type. A {@code WebApplicationException},
 * so that Quarkus REST passes it on unwrapped (it turns anything else a converter throws into a bare
 * 404); the kit's problem mappers answer it with 400 naming the parameter, or 404 for a malformed id
 * in the path (a resource with such an id cannot exist).
 */
public class InvalidParameter extends BadRequestException {

    private final String parameter;
    private final boolean inPath;

    public InvalidParameter(String parameter, boolean inPath, String message) {
        super(message);
        this.parameter = parameter;
        this.inPath = inPath;
    }

    public String parameter() {
        return parameter;
    }

    public boolean inPath() {
        return inPath;
    }
}
