package org.backbone.gateway.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.enterprise.util.TypeLiteral;
import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.backbone.gateway.config.GatewayConfig;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The services behind the gateway: pooled HTTP clients, a deadline per call, and per service a
 * circuit breaker (SmallRye Fault Tolerance). A call either brings the service's answer, whatever
 * its status, or fails with {@link Unavailable}.
 *
 * <p>The deadline is a timer on the calling event loop that resets the request, not a Fault
 * Tolerance timeout: that one schedules every call on a timer thread of its own. Fault Tolerance's
 * per-call metrics are off too (a gauge per breaker replaces them; the HTTP metrics count the
 * calls and their 503s and 504s). A missed deadline still counts as a failure for the breaker.
 */
@Singleton
public class Downstreams {

    /**
     * The answer of a service, as received: its whole body, or for a stream (Server-Sent Events) the
     * paused response to pipe on as it arrives ({@code body} null).
     */
    public record Answer(int status, MultiMap headers, Buffer body, HttpClientResponse stream) {
    }

    /** Answers passed on as they arrive rather than read whole: a stream has no end to wait for. */
    static boolean streamed(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "text/event-stream", 0, 17);
    }

    /** Why no answer came: the service could not be reached, took too long, or its breaker is open. */
    public static final class Unavailable extends RuntimeException {
        private final String service;
        private final boolean timedOut;

        Unavailable(String service, boolean timedOut, String message, Throwable cause) {
            super(message, cause);
            this.service = service;
            this.timedOut = timedOut;
        }

        public String service() {
            return service;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }

    /** The deadline of a call passed before its answer came. */
    private static final class DeadlineMissed extends RuntimeException {
        DeadlineMissed() {
            super(null, null, false, false);
        }
    }

    private static final String BREAKER_PREFIX = "downstream-";

    private final Vertx vertx;
    private final HttpClientOptions clientOptions = new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
            .setConnectTimeout(2000).setDecompressionSupported(false);
    /**
     * A pooled client per event loop. Vert.x's pool hands out whichever connection is idle, and one
     * bound to another event loop than the caller's costs two thread hops per call.
     */
    private final Map<Thread, HttpClient> eventLoopClients = new ConcurrentHashMap<>();
    /** For calls from worker threads. */
    private final HttpClient sharedClient;
    /**
     * For event streams: each holds its connection for as long as its caller stays, so they must not
     * come from the pool of 64 that ordinary calls share (the 65th stream would wait for a free one).
     */
    private final HttpClient streamClient;
    static final int MAX_STREAMS = 10_000;
    private final Map<String, Downstream> services = new HashMap<>();

    private record Downstream(String name, String url, long timeoutMillis, TypedGuard<Future<Answer>> breaker) {
    }

    Downstreams(Vertx vertx, GatewayConfig config, CircuitBreakerMaintenance breakers, MeterRegistry registry) {
        this.vertx = vertx;
        this.sharedClient = vertx.createHttpClient(clientOptions);
        this.streamClient = vertx.createHttpClient(new HttpClientOptions(clientOptions).setMaxPoolSize(MAX_STREAMS)
                .setKeepAlive(false));
        config.services().forEach((name, service) -> {
            GatewayConfig.CircuitBreaker breaker = service.circuitBreaker();
            TypedGuard<Future<Answer>> guard = TypedGuard.create(new TypeLiteral<Future<Answer>>() {
                    })
                    .withDescription("downstream " + name)
                    // the call is non-blocking already: run it right here. (Without offload, the guard would pass the
                    // call and its result through the event loop's task queue, capturing contexts each time.)
                    .withThreadOffload(true).withThreadOffloadExecutor(Runnable::run)
                    .withCircuitBreaker().name(BREAKER_PREFIX + name)
                    .requestVolumeThreshold(breaker.requestVolume()).failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS).done()
                    .build();
            // read when scraped: Fault Tolerance's own metrics are off, as they cost every call
            Gauge.builder("backbone.gateway.downstream.breaker.open",
                            () -> breakers.currentState(BREAKER_PREFIX + name) == CircuitBreakerState.CLOSED ? 0 : 1)
                    .tag("service", name).description("1 while calls to the service are paused (breaker open or half-open)")
                    .register(registry);
            services.put(name, new Downstream(name, service.url().replaceAll("/+$", ""), service.timeout().toMillis(), guard));
        });
    }

    public boolean knows(String service) {
        return services.containsKey(service);
    }

    /**
     * Calls {@code service} with {@code path} (and query) as given; headers are passed as they are.
     * The answer comes on the calling event loop.
     */
    public Future<Answer> call(String service, HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {
        Downstream downstream = services.get(service);
        if (downstream == null) {
            throw new NoSuchElementException("no downstream service " + service);
        }
        RequestOptions options = new RequestOptions().setMethod(method)
                .setAbsoluteURI(downstream.url() + pathAndQuery).setHeaders(headers);
        String accept = headers.get("Accept");
        boolean stream = accept != null && accept.contains("text/event-stream");
        return downstream.breaker().get(() -> send(downstream, options, body, stream))
                .recover(failure -> Future.failedFuture(unavailable(downstream, failure)));
    }

    /** One request within the service's deadline; when it passes, the request is reset and the call fails. */
    private Future<Answer> send(Downstream downstream, RequestOptions options, Buffer body, boolean stream) {
        Promise<Answer> answer = Promise.promise();
        Promise<HttpClientRequest> sent = Promise.promise();
        long deadline = vertx.setTimer(downstream.timeoutMillis(), id -> {
            if (answer.tryFail(new DeadlineMissed())) {
                sent.future().onSuccess(request -> request.reset());
            }
        });
        (stream ? streamClient : client()).request(options)
                .onSuccess(sent::tryComplete)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> {
                    if (streamed(response.getHeader("Content-Type"))) {
                        // the deadline is for the answer to start; a stream then lasts as long as the caller stays
                        response.pause();
                        return Future.succeededFuture(new Answer(response.statusCode(), response.headers(), null, response));
                    }
                    return response.body().map(received ->
                            new Answer(response.statusCode(), response.headers(), received, null));
                })
                .onComplete(result -> {
                    vertx.cancelTimer(deadline);
                    if (result.succeeded()) {
                        answer.tryComplete(result.result());
                    } else {
                        answer.tryFail(result.cause());
                    }
                });
        return answer.future();
    }

    /** The calling event loop's own client (its connections live on that loop), or the shared one. */
    private HttpClient client() {
        return Context.isOnEventLoopThread()
                ? eventLoopClients.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(clientOptions))
                : sharedClient;
    }

    private static Throwable unavailable(Downstream downstream, Throwable failure) {
        if (failure instanceof DeadlineMissed) {
            return new Unavailable(downstream.name(), true,
                    downstream.name() + " did not answer within " + downstream.timeoutMillis() + " ms", failure);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new Unavailable(downstream.name(), false,
                    downstream.name() + " is failing; calls are paused for a moment (circuit breaker open)", failure);
        }
        if (failure instanceof ConnectException || failure instanceof io.vertx.core.VertxException
                || failure instanceof java.io.IOException) {
            return new Unavailable(downstream.name(), false, downstream.name() + " cannot be reached", failure);
        }
        return failure;
    }

    @PreDestroy
    void close() {
        eventLoopClients.values().forEach(client -> client.close().toCompletionStage().toCompletableFuture().join());
        sharedClient.close().toCompletionStage().toCompletableFuture().join();
        streamClient.close().toCompletionStage().toCompletableFuture().join();
    }
}
