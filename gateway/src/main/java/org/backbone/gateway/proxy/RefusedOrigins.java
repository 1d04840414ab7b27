package org.backbone.gateway.proxy;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.backbone.kit.problem.ProblemResponses;
import org.backbone.kit.problem.ProblemType;
import org.backbone.kit.domain.StorableText;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A browser call from an origin the API does not allow gets a 403 problem detail. Quarkus' CORS
 * filter refuses it with an empty body; this answers first, from the same setting
 * ({@code quarkus.http.cors.origins}). Origins given as patterns ({@code /…/}) or {@code *} are
 * left to the filter.
 */
@ApplicationScoped
public class RefusedOrigins {

    /** After the correlation handler (which names the metric series of what is refused), before CORS (-300). */
    private static final int ORDER = -340;

    private final Set<String> allowed;
    private final boolean exact;

    RefusedOrigins(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins", defaultValue = "*") List<String> origins) {
        this.allowed = Set.copyOf(origins);
        this.exact = enabled && origins.stream().noneMatch(o -> o.equals("*") || o.startsWith("/"));
    }

    void install(@Observes Router router) {
        if (exact) {
            router.route("/api/*").order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null || allowed.contains(origin)
                || origin.equals(context.request().scheme() + "://" + context.request().authority())) {
            context.next();
            return;
        }
        ProblemResponses.send(context, ProblemType.FORBIDDEN, "the origin " + StorableText.sanitized(origin)
                + " may not call this API from a browser");
    }
}
