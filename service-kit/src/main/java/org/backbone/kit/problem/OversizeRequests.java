package org.backbone.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is over the limit with a 413 problem detail before the
 * body is read (the HTTP layer's own 413 has no body). A body sent without Content-Length is still
 * cut off at the limit by the HTTP layer.
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
                context.response().putHeader("Connection", "close");
                ProblemResponses.send(context, ProblemType.PAYLOAD_TOO_LARGE, "the body may be at most " + limit + " bytes");
                return;
            }
            context.next();
        });
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
