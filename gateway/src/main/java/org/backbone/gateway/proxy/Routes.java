package org.backbone.gateway.proxy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.backbone.gateway.config.GatewayConfig;

/**
 * Which service owns a path: the routes of {@code backbone.gateway.routes}, in order, the first whose
 * pattern matches the whole path (after {@code /api}) winning. A new service is a
 * {@code backbone.gateway.services.<name>.url} and a route naming it.
 */
@Singleton
public class Routes {

    record Route(Pattern path, String service, boolean anonymous) {
        Route(Pattern path, String service) {
            this(path, service, false);
        }
    }

    private final List<Route> routes;

    @Inject
    Routes(GatewayConfig config, Downstreams downstreams) {
        this(config.routes().stream().map(r -> new Route(Pattern.compile(r.path()), r.service(), r.anonymous())).toList(),
                downstreams::knows);
    }

    Routes(List<Route> routes, java.util.function.Predicate<String> knownService) {
        routes.forEach(r -> {
            if (!knownService.test(r.service())) {
                throw new IllegalStateException("route " + r.path() + " names an unknown service " + r.service());
            }
        });
        this.routes = List.copyOf(routes);
    }

    /** The service of the first route that matches {@code downstreamPath} ({@code /v1/...}). */
    public Optional<String> serviceFor(String downstreamPath) {
        return routeFor(downstreamPath).map(Route::service);
    }

    /** Whether the route of {@code downstreamPath} lets calls through without a token. */
    public boolean anonymous(String downstreamPath) {
        return routeFor(downstreamPath).map(Route::anonymous).orElse(false);
    }

    private Optional<Route> routeFor(String downstreamPath) {
        for (Route route : routes) {
            if (route.path().matcher(downstreamPath).matches()) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
