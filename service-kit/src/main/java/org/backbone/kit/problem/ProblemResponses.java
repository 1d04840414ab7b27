package org.backbone.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.ext.web.RoutingContext;
import org.backbone.contracts.EventJson;

/** Problem details written straight to a Vert.x response, for handlers that run outside Quarkus REST. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(RoutingContext context, ProblemType type, String detail) {
        send(context, new Problem(type.uri(), type.title(), type.status(), detail,
                java.net.URI.create(context.request().path().replace(" ", "%20")), null));
    }

    public static void send(RoutingContext context, Problem problem) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        String body;
        try {
            body = EventJson.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record is always JSON", e);
        }
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
