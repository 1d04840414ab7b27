package org.backbone.gateway.proxy;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Set;
import org.backbone.gateway.config.GatewayConfig;

/**
 * The HTTP metrics of a proxied call are named by the path's shape ({@code /api/v1/initiatives/{id}/scorecard}):
 * named by the path itself, every organisation, initiative or period would make a series of its own.
 */
@Singleton
public class MetricNames {

    static final String API_PREFIX = "/api/v1";

    private final Set<String> words;

    MetricNames(GatewayConfig config) {
        this.words = Set.copyOf(config.metricPathSegments());
    }

    void nameByShape(RoutingContext context, String path) {
        name(context, shape(path, words));
    }

    /** The first name given wins. */
    static void name(RoutingContext context, String name) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(context);
        if (metric != null) {
            metric.setTemplatePath(name);
        }
    }

    /** The path with every segment after /api/v1 that is not one of the API's words as {id}. */
    static String shape(String path, Set<String> words) {
        StringBuilder shape = new StringBuilder(path.length()).append(API_PREFIX);
        int start = API_PREFIX.length();
        while (start < path.length()) {
            int end = path.indexOf('/', start + 1);
            end = end < 0 ? path.length() : end;
            if (end == start + 1 || words.contains(path.substring(start + 1, end))) {
                shape.append(path, start, end);
            } else {
                shape.append("/{id}");
            }
            start = end;
        }
        return shape.toString();
    }
}
