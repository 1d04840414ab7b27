package org.backbone.gateway.proxy;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.backbone.gateway.config.GatewayConfig;
import org.backbone.kit.problem.OversizeRequests;
import org.backbone.kit.problem.ProblemResponses;
import org.backbone.kit.problem.ProblemType;

/**
 * {@code /api/v1/**}: the caller passes the {@link Door} (token, rate limit), then the request goes
 * to the service that owns the path ({@link Routes}) with the caller's token, the trace context and
 * the request id ({@link ForwardedHeaders}); the service's answer goes back as it came, a stream as
 * it arrives. The gateway's {@link OwnResources} are left to Quarkus REST.
 */
@ApplicationScoped
public class ApiProxy {

    static final String CORRELATION = "backbone.correlation";
    private static final String SERVICE = "backbone.service";
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

    private final Routes routes;
    private final OwnResources ownResources;
    private final Door door;
    private final Downstreams downstreams;
    private final MetricNames metricNames;
    private final ForwardedHeaders headers;
    private final OversizeRequests oversize;
    private final BodyHandler bodies;

    ApiProxy(GatewayConfig config, Routes routes, OwnResources ownResources, Door door, Downstreams downstreams,
            MetricNames metricNames, OversizeRequests oversize) {
        this.routes = routes;
        this.ownResources = ownResources;
        this.door = door;
        this.downstreams = downstreams;
        this.metricNames = metricNames;
        this.headers = new ForwardedHeaders(config.publicUrl().orElse(""));
        this.oversize = oversize;
        this.bodies = BodyHandler.create(false).setBodyLimit(oversize.limit());
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
        if (context.request().path().startsWith(MetricNames.API_PREFIX)) {
            // what is answered before its route is known (preflights, refused origins and tokens) makes one series,
            // not one per path; the first name given wins, so this one is given last, as the answer starts
            context.addHeadersEndHandler(done -> MetricNames.name(context, MetricNames.API_PREFIX + "/*"));
        }
        Correlation correlation = Correlation.of(context.request());
        context.put(CORRELATION, correlation);
        context.response().putHeader(Correlation.TRACEPARENT, correlation.traceparent())
                .putHeader(Correlation.REQUEST_ID, correlation.requestId());
        context.next();
    }

    /** A remembered token's call to a service goes straight on; the rest is left to {@link #authenticate}. */
    private void proxyKnownCaller(RoutingContext context) {
        var known = door.remembered(context);
        if (known.isEmpty() || ownResources.owns(context.request().path())) {
            context.next();
            return;
        }
        admit(context, known.get(), false);
    }

    private void authenticate(RoutingContext context) {
        var known = door.remembered(context);
        if (known.isPresent()) {
            admit(context, known.get(), false);
            return;
        }
        String path = context.request().path();
        if (!ownResources.owns(path) && Door.bearerToken(context) == null && routes.anonymous(path.substring("/api".length()))) {
            // a route whose calls carry their own proof: limited by address, and on to its service
            if (!door.refuseOverLimit(context, null)) {
                route(context, path);
            }
            return;
        }
        door.authenticate(context, identity -> admit(context, identity, true));
    }

    /**
     * The caller is known: 429 if its bucket is empty, else on to the service that owns the path, or
     * to the gateway's own resource. {@code onRequest} says whether the identity is already the
     * request's (it is after verifying; a remembered one is not, and a proxied call does not need it to be).
     */
    private void admit(RoutingContext context, SecurityIdentity identity, boolean onRequest) {
        if (door.refuseOverLimit(context, identity)) {
            return;
        }
        String path = context.request().path();
        if (ownResources.owns(path)) {
            if (!onRequest) {
                // Quarkus REST reads the identity from the request, naming the request, as verifying would have left it
                QuarkusHttpUser.setIdentity(QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(RoutingContext.class.getName(), context).build(), context);
            }
            context.next();
            return;
        }
        route(context, path);
    }

    /** On to the service that owns the path, its body read first; 404 when none does. */
    private void route(RoutingContext context, String path) {
        String service = routes.serviceFor(path.substring("/api".length())).orElse(null);
        if (service == null) {
            ProblemResponses.send(context, ProblemType.NOT_FOUND, "no resource " + path);
            return;
        }
        metricNames.nameByShape(context, path);
        context.put(SERVICE, service);
        // reads the body (at most the size limit), then on to forward
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
                        headers.toService(context.request().headers(), correlation(context),
                                context.request().remoteAddress().hostAddress()),
                        body == null || body.length() == 0 ? null : body)
                .onSuccess(answer -> relay(context, answer)).onFailure(failure -> ProxyFailures.send(context, failure));
    }

    /** Vert.x Web's body handler fails a call whose body, sent without Content-Length, outgrows the limit. */
    private void bodyTooLarge(RoutingContext context) {
        if (context.statusCode() != 413) {
            context.next();
            return;
        }
        oversize.refuse(context);
    }

    private void relay(RoutingContext context, Downstreams.Answer answer) {
        HttpServerResponse response = context.response();
        if (response.closed()) {
            // the caller gave up while the service answered: nobody to relay to, and nothing wrong
            if (answer.stream() != null) {
                answer.stream().request().reset();
            }
            return;
        }
        response.setStatusCode(answer.status());
        headers.toCaller(answer.headers(), response.headers());
        if (answer.stream() == null) {
            response.end(answer.body());
            return;
        }
        // a stream goes on as it arrives, each chunk flushed; when the caller leaves, the service's stream ends too
        response.setChunked(true);
        response.closeHandler(closed -> answer.stream().request().reset());
        answer.stream().pipeTo(response);
    }
}
