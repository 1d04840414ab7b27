package org.backbone.gateway.proxy;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.backbone.gateway.config.GatewayConfig;
import org.backbone.gateway.ratelimit.RateLimits;
import org.backbone.gateway.security.VerifiedTokens;
import org.backbone.kit.problem.ClientGone;
import org.backbone.kit.problem.OversizeRequests;
import org.backbone.kit.problem.ProblemResponses;
import org.backbone.kit.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * {@code /api/v1/**}: authenticates the caller (a token verified before and still valid is not
 * verified again, see {@link VerifiedTokens}), applies its rate limit and passes the request to
 * the service that owns the path (the first matching route), with the caller's token, the trace
 * context and the request id; the service's answer goes back as it came. The gateway's own
 * resources (composed views, partner events) are left to Quarkus REST.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    static final String CORRELATION = "backbone.correlation";
    private static final String SERVICE = "backbone.service";
    private static final String API_PREFIX = "/api/v1";
    /**
     * Where a caller whose token was verified before is passed on: after CORS (order -300), before
     * Quarkus' authentication (-200) and the handlers after it, which prepare a deferred identity,
     * map the path for REST metrics and look for OIDC logout requests on every request, and which
     * a proxied call does not need (about a tenth of the proxy's CPU). The gateway configures no
     * HTTP permission policies (the services decide permissions); one added later would not see
     * these calls.
     */
    private static final int KNOWN_CALLERS_ORDER = -250;
    /** Before CORS, which answers preflights and refused origins itself. */
    private static final int FIRST_ORDER = -350;
    private static final Pattern OWN_RESOURCES = Pattern.compile("/api/v1/(partner-events|initiatives/[^/]+/dashboard)/?");
    /** Headers of one connection, not passed on (case-insensitive, and looked up without lower-casing each name). */
    private static final MultiMap HOP_BY_HOP = names("Connection", "Keep-Alive", "Proxy-Authenticate",
            "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length");
    /** A service's headers the gateway sets itself on the answer. */
    private static final MultiMap OWN_ANSWER_HEADERS = names(Correlation.TRACEPARENT, Correlation.REQUEST_ID);

    private record CompiledRoute(Pattern path, String service) {
    }

    private final List<CompiledRoute> routes;
    private final Downstreams downstreams;
    private final RateLimits rateLimits;
    private final IdentityProviderManager identities;
    private final VerifiedTokens verifiedTokens;
    private final OversizeRequests oversize;
    private final BodyHandler bodies;
    private final Set<String> metricWords;
    private final String publicUrl;

    ApiProxy(GatewayConfig config, Downstreams downstreams, RateLimits rateLimits, IdentityProviderManager identities,
            VerifiedTokens verifiedTokens, OversizeRequests oversize) {
        this.routes = config.routes().stream().map(r -> {
            if (!downstreams.knows(r.service())) {
                throw new IllegalStateException("route " + r.path() + " names an unknown service " + r.service());
            }
            return new CompiledRoute(Pattern.compile(r.path()), r.service());
        }).toList();
        this.downstreams = downstreams;
        this.rateLimits = rateLimits;
        this.identities = identities;
        this.verifiedTokens = verifiedTokens;
        this.oversize = oversize;
        this.bodies = BodyHandler.create(false).setBodyLimit(oversize.limit());
        this.metricWords = Set.copyOf(config.metricPathSegments());
        this.publicUrl = config.publicUrl().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse("");
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(FIRST_ORDER).handler(ApiProxy::correlate);
        router.route("/api/v1/*").order(FIRST_ORDER).failureHandler(this::bodyTooLarge);
        // each way in is followed by forward, which passes on a call once its body is read
        router.route("/api/v1/*").order(KNOWN_CALLERS_ORDER).handler(this::proxyKnownCaller);
        router.route("/api/v1/*").order(KNOWN_CALLERS_ORDER + 1).handler(this::forward);
        router.route("/api/v1/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::authenticate);
        router.route("/api/v1/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1).handler(this::forward);
    }

    /** The request's correlation, kept for the handlers and returned to the caller. */
    public static Correlation correlation(RoutingContext context) {
        return context.get(CORRELATION);
    }

    private static void correlate(RoutingContext context) {
        if (context.request().path().startsWith(API_PREFIX)) {
            // what is answered before its route is known (preflights, refused origins and tokens) makes one series,
            // not one per path; the first name given wins, so this one is given last, as the answer starts
            context.addHeadersEndHandler(done -> nameMetrics(context, API_PREFIX + "/*"));
        }
        Correlation correlation = Correlation.of(context.request());
        context.put(CORRELATION, correlation);
        context.response().putHeader(Correlation.TRACEPARENT, correlation.traceparent())
                .putHeader(Correlation.REQUEST_ID, correlation.requestId());
        context.next();
    }

    /** A remembered token's call to a service goes straight on; the rest is left to {@link #authenticate}. */
    private void proxyKnownCaller(RoutingContext context) {
        Optional<SecurityIdentity> known = verifiedTokens.lookup(bearerToken(context));
        if (known.isEmpty() || OWN_RESOURCES.matcher(context.request().path()).matches()) {
            context.next();
            return;
        }
        admit(context, known.get(), false);
    }

    /** Every /api/v1 call needs a valid token and a token left in its client's bucket. */
    private void authenticate(RoutingContext context) {
        String token = bearerToken(context);
        Optional<SecurityIdentity> known = verifiedTokens.lookup(token);
        if (known.isPresent()) {
            admit(context, known.get(), false);
            return;
        }
        // Quarkus answers a failed authentication through this handler: make it a problem detail
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (failed, failure) ->
                unauthorized(failed, "the bearer token is not valid (expired, wrongly signed or not for this API)"));
        QuarkusHttpUser.getSecurityIdentity(context, identities).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                unauthorized(context, "a bearer token is required");
                return;
            }
            if (token != null) {
                verifiedTokens.remember(token, identity);
            }
            admit(context, identity, true);
        }, failure -> {
            if (failure instanceof AuthenticationFailedException) {
                unauthorized(context, "the bearer token is not valid (expired, wrongly signed or not for this API)");
            } else {
                LOG.errorf(failure, "authentication failed unexpectedly");
                ProblemResponses.send(context, ProblemType.SERVICE_UNAVAILABLE, "the identity provider cannot be reached");
            }
        });
    }

    /**
     * The caller is known: 429 if its bucket is empty, else on to the service that owns the path, or
     * to the gateway's own resource. {@code onRequest} says whether the identity is already the
     * request's (it is after verifying; a remembered one is not, and a proxied call does not need it to be).
     */
    private void admit(RoutingContext context, SecurityIdentity identity, boolean onRequest) {
        if (refuseOverLimit(context, identity)) {
            return;
        }
        String path = context.request().path();
        if (OWN_RESOURCES.matcher(path).matches()) {
            if (!onRequest) {
                // Quarkus REST reads the identity from the request, naming the request, as verifying would have left it
                QuarkusHttpUser.setIdentity(QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(RoutingContext.class.getName(), context).build(), context);
            }
            context.next();
            return;
        }
        proxy(context, path);
    }

    /** The bearer token of the Authorization header, or null. */
    private static String bearerToken(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && authorization.length() > 7
                ? authorization.substring(7).trim() : null;
    }

    /**
     * 401, unless the caller's address has used up the anonymous limit: callers without a valid token
     * are limited by address (the fallback bucket), so that guessing tokens costs as much as calling.
     */
    private void unauthorized(RoutingContext context, String detail) {
        if (context.response().headWritten()) {
            return;
        }
        if (refuseOverLimit(context, null)) {
            return;
        }
        context.response().putHeader("WWW-Authenticate", "Bearer realm=\"backbone\"");
        ProblemResponses.send(context, ProblemType.UNAUTHORIZED, detail);
    }

    /** Takes a token from the caller's bucket (by principal, or by address when null); answers 429 if none is left. */
    private boolean refuseOverLimit(RoutingContext context, SecurityIdentity identity) {
        Optional<Duration> refusal = rateLimits.refusal(identity, context.request().remoteAddress().hostAddress());
        if (refusal.isEmpty()) {
            return false;
        }
        long seconds = Math.max(1, (refusal.get().toMillis() + 999) / 1000);
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.send(context, ProblemType.TOO_MANY_REQUESTS,
                "the request rate limit of this client is used up; retry in " + seconds + " s");
        return true;
    }

    /** Picks the service that owns the path, then reads the body (at most the size limit) for {@link #forward}. */
    private void proxy(RoutingContext context, String path) {
        String service = serviceFor(path.substring("/api".length()));
        if (service == null) {
            ProblemResponses.send(context, ProblemType.NOT_FOUND, "no resource " + path);
            return;
        }
        nameMetricsByShape(context, path);
        context.put(SERVICE, service);
        bodies.handle(context);
    }

    /** Passes a call whose service is picked and whose body is read to that service, and its answer back. */
    private void forward(RoutingContext context) {
        String service = context.get(SERVICE);
        if (service == null) {
            context.next();
            return;
        }
        String query = context.request().query();
        String downstreamPath = context.request().path().substring("/api".length());
        Buffer body = context.body().buffer();
        downstreams.call(service, context.request().method(), query == null ? downstreamPath : downstreamPath + "?" + query,
                        forwardedHeaders(context), body == null || body.length() == 0 ? null : body)
                .onSuccess(answer -> relay(context, answer)).onFailure(failure -> failed(context, failure));
    }

    /** Vert.x Web's body handler fails a call whose body, sent without Content-Length, outgrows the limit. */
    private void bodyTooLarge(RoutingContext context) {
        if (context.statusCode() != 413) {
            context.next();
            return;
        }
        oversize.refuse(context);
    }

    /** The service of the first route that matches, or null. */
    private String serviceFor(String downstreamPath) {
        for (CompiledRoute route : routes) {
            if (route.path().matcher(downstreamPath).matches()) {
                return route.service();
            }
        }
        return null;
    }

    /**
     * The HTTP metrics of a proxied call are named by the path's shape ({@code /api/v1/initiatives/{id}/scorecard}):
     * named by the path itself, every organisation, initiative or period would make a series of its own.
     */
    private void nameMetricsByShape(RoutingContext context, String path) {
        nameMetrics(context, shape(path, metricWords));
    }

    private static void nameMetrics(RoutingContext context, String name) {
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

    private static MultiMap forwardedHeaders(RoutingContext context) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : context.request().headers()) {
            if (!HOP_BY_HOP.contains(header.getKey())) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        Correlation correlation = correlation(context);
        headers.set(Correlation.TRACEPARENT, correlation.traceparent());
        headers.set(Correlation.REQUEST_ID, correlation.requestId());
        String forwardedFor = context.request().getHeader("X-Forwarded-For");
        String client = context.request().remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        headers.set("X-Forwarded-Prefix", "/api");
        return headers;
    }

    private void relay(RoutingContext context, Downstreams.Answer answer) {
        if (context.response().closed()) {
            // the caller gave up while the service answered: nobody to relay to, and nothing wrong
            return;
        }
        var response = context.response().setStatusCode(answer.status());
        for (Map.Entry<String, String> header : answer.headers()) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !OWN_ANSWER_HEADERS.contains(name)) {
                response.headers().add(name, name.equalsIgnoreCase("Location") ? location(header.getValue()) : header.getValue());
            }
        }
        response.end(answer.body());
    }

    private static MultiMap names(String... names) {
        MultiMap set = MultiMap.caseInsensitiveMultiMap();
        for (String name : names) {
            set.add(name, "");
        }
        return set;
    }

    /** A service's Location names the service's own address; the caller needs the gateway's public one. */
    private String location(String location) {
        int path = location.indexOf("/v1/");
        return path < 0 ? location : publicUrl + "/api" + location.substring(path);
    }

    static void failed(RoutingContext context, Throwable failure) {
        if (context.response().closed() || ClientGone.is(failure)) {
            LOG.debugf("caller went away during %s %s", context.request().method(), context.request().path());
            return;
        }
        if (failure instanceof Downstreams.Unavailable unavailable) {
            if (!unavailable.timedOut()) {
                context.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            }
            ProblemResponses.send(context, unavailable.timedOut() ? ProblemType.GATEWAY_TIMEOUT
                    : ProblemType.SERVICE_UNAVAILABLE, unavailable.getMessage());
            return;
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(failure, "incident %s: proxying %s %s failed", incident, context.request().method(), context.request().path());
        ProblemResponses.send(context, ProblemType.BAD_GATEWAY, "the request could not be passed on (incident " + incident + ")");
    }
}
