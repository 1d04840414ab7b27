package org.backbone.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body limit ({@code quarkus.http.limits.max-body-size}). A request whose declared body is over
 * it gets a 413 problem detail before the body is read (the HTTP layer's own 413 has no body). A
 * body sent without Content-Length is cut off at the limit by whoever reads it: Quarkus REST does;
 * a route that reads bodies itself uses {@link #limit()} and answers with {@link #refuse}.
 */
@ApplicationScoped
public class OversizeRequests {

    private final long limit;

    OversizeRequests(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length)) {
                refuse(context);
                return;
            }
            context.next();
        });
    }

    /** The largest body a request may carry, in bytes. */
    public long limit() {
        return limit;
    }

    /** Answers 413 and closes the connection, so that the rest of the body is not read. */
    public void refuse(RoutingContext context) {
        context.response().putHeader("Connection", "close");
        ProblemResponses.send(context, ProblemType.PAYLOAD_TOO_LARGE, "the body may be at most " + limit + " bytes");
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
