package org.backbone.communication.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.backbone.communication.config.WebhookConfig;
import org.backbone.communication.domain.webhook.AddressPolicy;
import org.backbone.communication.domain.webhook.DeliveryOutcome;
import org.backbone.communication.domain.webhook.RetrySchedule;
import org.backbone.communication.domain.webhook.WebhookUrl;
import org.backbone.communication.persistence.WebhookQueue;
import org.backbone.communication.persistence.WebhookQueue.Claimed;
import org.backbone.communication.persistence.WebhookQueue.Result;
import org.backbone.kit.domain.StorableText;
import org.jboss.logging.Logger;

/**
 * Works the webhook queue: one thread claims due deliveries and records how they went; the attempts
 * themselves run on Vert.x's HTTP client, at most a few per endpoint, so a slow or dead endpoint holds
 * only its own. Before every attempt the host is resolved again and every address checked
 * ({@link AddressPolicy}); the connection goes to the address that was checked, redirects are not
 * followed, and at most {@link #EXCERPT_BYTES} of the answer are read.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final int EXCERPT_BYTES = 4_096;
    /** What the delivery log keeps of an answer. */
    static final int EXCERPT_CHARS = 500;
    private static final int CLAIM_BATCH = 200;

    private final WebhookQueue queue;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final FeedHub hub;
    private final AddressPolicy addresses;
    private final LinkedBlockingQueue<Result> done = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Boolean> wake = new LinkedBlockingQueue<>(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    // host lookups block: a few threads of their own, off the event loop and off the dispatcher
    private final ExecutorService resolver = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "webhook-resolver");
        t.setDaemon(true);
        return t;
    });
    private HttpClient client;
    private Thread thread;
    private volatile boolean running;

    private final WebhookSecrets secrets;

    WebhookDispatcher(WebhookQueue queue, WebhookConfig config, Vertx vertx, FeedHub hub, WebhookSecrets secrets) {
        this.secrets = secrets;
        this.queue = queue;
        this.config = config;
        this.vertx = vertx;
        this.hub = hub;
        this.addresses = new AddressPolicy(config.allowedAddresses().orElse(List.of()));
    }

    /** The policy every endpoint's addresses are judged by, at registration as at delivery. */
    public AddressPolicy addresses() {
        return addresses;
    }

    void start(@Observes StartupEvent event) {
        if (!config.dispatcherEnabled()) {
            return;
        }
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // the queue limits each endpoint's share; endpoints on one host must not share a small pool
                .setMaxPoolSize(config.maxInFlight())
                .setKeepAlive(true)
                .setVerifyHost(true));
        // deliveries are queued in the same transaction as their feed entry: its NOTIFY wakes us
        hub.listen(this::wake);
        running = true;
        thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            wake();
            thread.join(5_000);
            // what finished meanwhile is recorded; what is still out comes back when its lease ends
            List<Result> rest = new ArrayList<>();
            done.drainTo(rest);
            try {
                queue.record(rest, config.disableAfter());
            } catch (Exception e) {
                LOG.warn("could not record the last webhook attempts; they will be made again", e);
            }
        }
        resolver.shutdownNow();
    }

    void wake() {
        wake.offer(Boolean.TRUE);
    }

    private void run() {
        while (running) {
            try {
                List<Result> finished = new ArrayList<>();
                done.drainTo(finished);
                for (WebhookQueue.Disabled d : queue.record(finished, config.disableAfter())) {
                    LOG.infof("webhook endpoint %s disabled: %s", d.endpoint(), d.reason());
                }
                int room = config.maxInFlight() - inFlight.get();
                List<Claimed> claimed = room <= 0 ? List.of()
                        : queue.claim(Math.min(room, CLAIM_BATCH), config.maxInFlightPerEndpoint(), config.lease());
                for (Claimed delivery : claimed) {
                    inFlight.incrementAndGet();
                    attempt(delivery);
                }
                if (claimed.isEmpty() && finished.isEmpty()) {
                    wake.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("webhook dispatch failed; trying again shortly", e);
                try {
                    wake.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() throws java.sql.SQLException {
        int purged = queue.purge(config.retention());
        if (purged > 0) {
            LOG.infof("forgot %d webhook deliveries older than %s", purged, config.retention());
        }
    }

    private void attempt(Claimed delivery) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        WebhookUrl url;
        try {
            url = WebhookUrl.parse(delivery.url());
        } catch (IllegalArgumentException e) {
            finish(delivery, at, started, null, "the URL " + e.getMessage(), null, Optional.empty());
            return;
        }
        resolver.execute(() -> {
            InetAddress address;
            try {
                address = checked(url);
            } catch (UnknownHostException e) {
                finish(delivery, at, started, null, "the host could not be resolved: " + url.host(), null, Optional.empty());
                return;
            } catch (IllegalArgumentException e) {
                finish(delivery, at, started, null, e.getMessage(), null, Optional.empty());
                return;
            } catch (RuntimeException e) {
                finish(delivery, at, started, null, "not sent: " + e, null, Optional.empty());
                return;
            }
            send(delivery, url, address, at, started);
        });
    }

    /** The address to connect to, after checking every address the host has now. */
    InetAddress checked(WebhookUrl url) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(url.host());
        for (InetAddress address : all) {
            String problem = addresses.problem(address);
            if (problem != null) {
                throw new IllegalArgumentException("not sent: " + (url.host().equals(address.getHostAddress()) ? problem
                        : url.host() + " resolves to " + address.getHostAddress() + ", which is not a public address"));
            }
            if (!url.https() && !addresses.allowListed(address)) {
                throw new IllegalArgumentException("not sent: plain http is only for allow-listed addresses; use https");
            }
        }
        return all[0];
    }

    private void send(Claimed delivery, WebhookUrl url, InetAddress address, Instant at, long started) {
        long timestamp = at.getEpochSecond();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                .setHost(url.host()).setPort(url.port()).setSsl(url.https()).setURI(url.target())
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.totalTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Backbone-Webhooks/1")
                .putHeader("webhook-id", delivery.messageId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(secrets.openAll(delivery.endpoint(), delivery.secrets()),
                        delivery.messageId(), timestamp, delivery.body()));
        client.request(options).compose(request -> {
            // the whole exchange, not only each silence, is bounded
            long timer = vertx.setTimer(config.totalTimeout().toMillis(), t -> request.reset());
            return request.send(Buffer.buffer(delivery.body())).compose(this::excerpt)
                    .onComplete(r -> vertx.cancelTimer(timer));
        }).onComplete(answer -> {
            if (answer.succeeded()) {
                Answer a = answer.result();
                finish(delivery, at, started, a.status(), a.status() >= 300 && a.status() < 400
                                ? "redirects are not followed" : null, a.excerpt(),
                        RetrySchedule.retryAfter(a.retryAfter(), System.currentTimeMillis()));
            } else {
                finish(delivery, at, started, null, describe(answer.cause()), null, Optional.empty());
            }
        });
    }

    private record Answer(int status, String retryAfter, String excerpt) {
    }

    /** The answer's status and its first bytes; the rest is not read (the connection is dropped). */
    private Future<Answer> excerpt(HttpClientResponse response) {
        Promise<Answer> answer = Promise.promise();
        Buffer kept = Buffer.buffer();
        Runnable complete = () -> answer.tryComplete(new Answer(response.statusCode(), response.getHeader("retry-after"),
                text(kept)));
        response.handler(chunk -> {
            int room = EXCERPT_BYTES - kept.length();
            if (room > 0) {
                kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            }
            if (kept.length() >= EXCERPT_BYTES) {
                complete.run();
                response.request().reset();
            }
        });
        response.endHandler(v -> complete.run());
        response.exceptionHandler(e -> complete.run());
        return answer.future();
    }

    private static String text(Buffer bytes) {
        String text = new String(bytes.getBytes(), StandardCharsets.UTF_8);
        text = text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
        return StorableText.sanitized(text);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof io.vertx.core.http.StreamResetException || failure instanceof io.netty.channel.ConnectTimeoutException
                || message.contains("timeout") || message.contains("timed out")) {
            return "no answer in time: " + message;
        }
        return "no answer: " + message;
    }

    private void finish(Claimed delivery, Instant at, long started, Integer status, String error, String excerpt,
            Optional<Duration> retryAfter) {
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        // no answer, a 3xx (never followed) or any other non-2xx: a failure the schedule retries
        DeliveryOutcome outcome = DeliveryOutcome.of(status, delivery.attempts() + 1, retryAfter, ThreadLocalRandom.current());
        String why = error != null ? error : outcome.kind() == DeliveryOutcome.Kind.DELIVERED ? null : "answered " + status;
        done.add(new Result(delivery, outcome.kind(), at, status, StorableText.sanitized(why), excerpt, millis,
                outcome.retryIn().map(d -> Instant.now().plus(d)).orElse(null)));
        inFlight.decrementAndGet();
        wake();
    }
}
