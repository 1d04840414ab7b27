package org.backbone.gateway.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.backbone.kit.problem.ClientGone;
import org.backbone.kit.problem.ProblemResponses;
import org.backbone.kit.problem.ProblemType;
import org.jboss.logging.Logger;

/** A call that brought no answer, as the problem the caller gets: 503 or 504 for a service away, 502 else. */
final class ProxyFailures {

    private static final Logger LOG = Logger.getLogger(ProxyFailures.class);

    /** The problem for a failure, with Retry-After seconds where retrying soon may help. */
    record Refusal(ProblemType type, String detail, Optional<String> retryAfter, boolean incident) {
    }

    private ProxyFailures() {
    }

    static Refusal refusal(Throwable failure, String incident) {
        if (failure instanceof Downstreams.Unavailable unavailable) {
            return unavailable.timedOut()
                    ? new Refusal(ProblemType.GATEWAY_TIMEOUT, unavailable.getMessage(), Optional.empty(), false)
                    : new Refusal(ProblemType.SERVICE_UNAVAILABLE, unavailable.getMessage(), Optional.of("5"), false);
        }
        return new Refusal(ProblemType.BAD_GATEWAY, "the request could not be passed on (incident " + incident + ")",
                Optional.empty(), true);
    }

    static void send(RoutingContext context, Throwable failure) {
        if (context.response().closed() || ClientGone.is(failure)) {
            LOG.debugf("caller went away during %s %s", context.request().method(), context.request().path());
            return;
        }
        String incident = java.util.UUID.randomUUID().toString();
        Refusal refusal = refusal(failure, incident);
        if (refusal.incident()) {
            LOG.errorf(failure, "incident %s: proxying %s %s failed", incident, context.request().method(),
                    context.request().path());
        }
        refusal.retryAfter().ifPresent(seconds -> context.response().putHeader(HttpHeaders.RETRY_AFTER, seconds));
        ProblemResponses.send(context, refusal.type(), refusal.detail());
    }
}
