package org.backbone.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.ext.web.RoutingContext;
import org.backbone.contracts.EventJson;
import org.backbone.kit.domain.FieldProblem;

/** Problem details written straight to a Vert.x response, for handlers that run outside Quarkus REST. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(RoutingContext context, ProblemType type, String detail) {
        send(context, new Problem(type.uri(), type.title(), type.status(), detail, instance(context), null));
    }

    /** A problem about one field or parameter, named in {@code errors}. */
    public static void send(RoutingContext context, ProblemType type, String detail, String field) {
        send(context, new Problem(type.uri(), type.title(), type.status(), detail, instance(context),
                java.util.List.of(new FieldProblem(field, detail))));
    }

    /** The request's path as the caller sent it (behind the gateway, with its prefix); null if it is not a URI. */
    public static java.net.URI instance(RoutingContext context) {
        return Problem.instance(context.request().getHeader(Problem.FORWARDED_PREFIX), context.request().path());
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
