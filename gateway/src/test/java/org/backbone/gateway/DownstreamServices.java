package org.backbone.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backbone.kit.testing.ServiceProcess;

/**
 * What the gateway's tests talk to: agenda-service and measurement-service from their packaged
 * jars (test profile: their _test databases), activity-service, a service that is not running ("dormant", nothing
 * listens on its port) and one that accepts connections and never answers ("slow").
 */
public class DownstreamServices implements QuarkusTestResourceLifecycleManager {

    static ServiceProcess agenda;
    static ServiceProcess measurement;
    static ServiceProcess activity;
    /** Released by a test once it has read the stream's first event; the stream's second follows it. */
    static final java.util.concurrent.Semaphore SECOND_EVENT = new java.util.concurrent.Semaphore(0);
    /** Ends the held streams of /v1/held-stream. */
    static final java.util.concurrent.CountDownLatch RELEASE_HELD = new java.util.concurrent.CountDownLatch(1);
    private com.sun.net.httpserver.HttpServer streaming;
    private ServerSocket silent;
    private final List<Socket> held = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        agenda = service("agenda-service");
        measurement = service("measurement-service");
        activity = service("activity-service");
        try {
            silent = new ServerSocket(0);
            Thread holder = new Thread(this::holdConnections, "silent-service");
            holder.setDaemon(true);
            holder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        streaming = streamingService();
        Map<String, String> config = new HashMap<>();
        config.put("backbone.gateway.services.stream.url", "http://127.0.0.1:" + streaming.getAddress().getPort());
        config.put("backbone.gateway.routes[4].service", "stream");
        config.put("backbone.gateway.routes[4].path", "/v1/(held-)?stream");
        config.put("backbone.gateway.routes[4].anonymous", "false");
        // a route whose calls pass without a token, as the unsubscribe links of mail do
        config.put("backbone.gateway.routes[6].service", "stream");
        config.put("backbone.gateway.routes[6].path", "/v1/open/[a-z]+");
        config.put("backbone.gateway.routes[6].anonymous", "true");
        config.put("backbone.gateway.services.agenda.url", agenda.baseUrl());
        config.put("backbone.gateway.services.measurement.url", measurement.baseUrl());
        config.put("backbone.gateway.services.activity.url", activity.baseUrl());
        config.put("backbone.gateway.services.dormant.url", "http://127.0.0.1:" + closedPort());
        config.put("backbone.gateway.services.dormant.timeout", "2s");
        config.put("backbone.gateway.services.dormant.circuit-breaker.request-volume", "4");
        config.put("backbone.gateway.services.slow.url", "http://127.0.0.1:" + silent.getLocalPort());
        config.put("backbone.gateway.services.slow.timeout", "1s");
        config.put("backbone.gateway.routes[0].service", "measurement");
        config.put("backbone.gateway.routes[0].path", "/v1/initiatives/[^/]+/(indicators|scorecard|periods)(/.*)?");
        config.put("backbone.gateway.routes[1].service", "dormant");
        config.put("backbone.gateway.routes[1].path", "/v1/dormant(/.*)?");
        config.put("backbone.gateway.routes[3].service", "activity");
        config.put("backbone.gateway.routes[3].path", "/v1/initiatives/[^/]+/(activities|vocabularies|coverage|findings|commitments|alignment|goals/[^/]+/contributors)(/.*)?");
        config.put("backbone.gateway.routes[2].service", "slow");
        config.put("backbone.gateway.routes[2].path", "/v1/slow(/.*)?");
        config.put("backbone.gateway.routes[5].service", "agenda");
        config.put("backbone.gateway.routes[5].path", "/v1/(organisations|initiatives)(/.*)?");
        // a small body limit, so that a test can pass it
        config.put("quarkus.http.limits.max-body-size", "1M");
        // observers get a small bucket, so that a test can use it up
        config.put("backbone.gateway.rate-limits.roles.observer.capacity", "5");
        config.put("backbone.gateway.rate-limits.roles.observer.refill", "5");
        config.put("backbone.gateway.rate-limits.roles.observer.period", "1m");
        return config;
    }

    private static ServiceProcess service(String name) {
        return new ServiceProcess(Path.of("..", name, "target/quarkus-app/quarkus-run.jar"), Map.of(),
                List.of("-Dquarkus.profile=test"), Path.of("target", name + ".log")).start();
    }

    /**
     * A service that answers Server-Sent Events: one event at once, the second only when a test has
     * read the first (or after 30 s), so a gateway that buffered the answer would hold back both.
     */
    private static com.sun.net.httpserver.HttpServer streamingService() {
        try {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/stream", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (var body = exchange.getResponseBody()) {
                    body.write("id: 1\ndata: first\n\n".getBytes());
                    body.flush();
                    SECOND_EVENT.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS);
                    body.write("id: 2\ndata: second\n\n".getBytes());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // what an anonymous route reaches: says whether a token came with the call
            server.createContext("/v1/open", exchange -> {
                byte[] answer = ("open, token " + (exchange.getRequestHeaders().containsKey("Authorization") ? "given" : "none"))
                        .getBytes();
                exchange.sendResponseHeaders(200, answer.length);
                try (var body = exchange.getResponseBody()) {
                    body.write(answer);
                }
            });
            // streams that stay open until the test ends: more at once than the gateway's pool for ordinary calls
            server.createContext("/v1/held-stream", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (var body = exchange.getResponseBody()) {
                    body.write("id: 1\ndata: open\n\n".getBytes());
                    body.flush();
                    RELEASE_HELD.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void holdConnections() {
        while (!silent.isClosed()) {
            try {
                held.add(silent.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        if (streaming != null) {
            streaming.stop(0);
        }
        if (agenda != null) {
            agenda.stop();
        }
        if (measurement != null) {
            measurement.stop();
        }
        if (activity != null) {
            activity.stop();
        }
        try {
            if (silent != null) {
                silent.close();
            }
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
