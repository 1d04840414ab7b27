package org.backbone.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The gateway's own settings: downstream services, the routes to them, rate limits, verified tokens. */
@ConfigMapping(prefix = "backbone.gateway")
public interface GatewayConfig {

    /** Downstream services by name. */
    Map<String, Service> services();

    /** Routes in order; the first whose pattern matches the path (after /api) wins. */
    List<Route> routes();

    RateLimits rateLimits();

    /**
     * The address callers reach the gateway at (e.g. {@code https://backbone.example.org}), for the
     * {@code Location} of what is created; without it Location is a path ({@code /api/v1/...}). Never
     * the request's {@code Host}, which a caller chooses.
     */
    Optional<String> publicUrl();

    /**
     * The literal segments of the API's paths ({@code initiatives}, {@code scorecard}, …). A metric
     * series is named by the path with every other segment as {@code {id}}, so that no caller can
     * make a series per id, letters or not. A service that adds a word adds it here.
     */
    Set<String> metricPathSegments();

    VerifiedTokens verifiedTokens();

    /** Identities of verified bearer tokens, kept so that a client's next call is not verified again. */
    interface VerifiedTokens {
        /** The longest a verified token is trusted without a new check (never past its expiry); 0s turns it off. */
        @WithDefault("60s")
        Duration maxAge();

        /** Tokens kept at most (the least recently used go first). */
        @WithDefault("10000")
        long maxSize();
    }

    interface Service {
        /** Base URL, e.g. http://agenda-service:8080. */
        String url();

        /** How long the gateway waits for an answer before it answers 504 itself. */
        @WithDefault("5s")
        Duration timeout();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {
        /** Calls looked at to decide whether to open. */
        @WithDefault("20")
        int requestVolume();

        /** Share of failed calls (unreachable, timed out) among them that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before it lets a trial call through. */
        @WithDefault("5s")
        Duration delay();
    }

    interface Route {
        /** The name of a service in {@link #services()}. */
        String service();

        /** A regular expression over the path after /api, e.g. {@code /v1/organisations(/.*)?}. */
        String path();

        /**
         * Whether calls on this route pass without a bearer token (rate limited by address), for what
         * carries its own proof, such as the signed unsubscribe links of mail. Off by default.
         */
        @WithDefault("false")
        boolean anonymous();
    }

    interface RateLimits {
        /** Token buckets by role; a caller with several roles gets the most generous. */
        Map<String, Bucket> roles();

        /** For callers with none of those roles. */
        Bucket fallback();
    }

    interface Bucket {
        /** Requests a client may make in a burst. */
        long capacity();

        /** How many tokens are added back per {@link #period()}. */
        long refill();

        @WithDefault("1m")
        Duration period();
    }
}
