package org.backbone.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.backbone.gateway.config.GatewayConfig;

/**
 * Per-client token buckets (Bucket4j). A client is the authenticated principal (a user, or a
 * partner system's client), or the remote address for anonymous calls; its bucket is the most
 * generous of its roles' buckets. Idle clients' buckets are forgotten after a while.
 */
@Singleton
public class RateLimits {

    private final Map<String, GatewayConfig.Bucket> byRole;
    private final GatewayConfig.Bucket fallback;
    private final Cache<String, Bucket> buckets;
    /** A short name per configured limit, for the bucket keys (built once, not per request). */
    private final Map<GatewayConfig.Bucket, String> labels = new java.util.IdentityHashMap<>();

    RateLimits(GatewayConfig config) {
        this.byRole = config.rateLimits().roles();
        this.fallback = config.rateLimits().fallback();
        byRole.forEach((role, bucket) -> labels.put(bucket, "role:" + role));
        labels.put(fallback, "fallback");
        Duration longest = byRole.values().stream().map(GatewayConfig.Bucket::period).max(Comparator.naturalOrder())
                .orElse(fallback.period());
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longest.multipliedBy(2)).maximumSize(100_000).build();
    }

    /** Takes a token for the caller; when none is left, how long until one is. */
    public Optional<Duration> refusal(SecurityIdentity identity, String remoteAddress) {
        boolean anonymous = identity == null || identity.isAnonymous();
        GatewayConfig.Bucket limit = anonymous ? fallback : limitFor(identity);
        String client = anonymous ? "address:" + remoteAddress : "principal:" + identity.getPrincipal().getName();
        // the limit is part of the key: a client whose roles change gets the bucket of its new limit
        Bucket bucket = buckets.get(client + "|" + labels.get(limit),
                key -> Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refill(), limit.period()).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private GatewayConfig.Bucket limitFor(SecurityIdentity identity) {
        GatewayConfig.Bucket best = null;
        for (String role : identity.getRoles()) {
            GatewayConfig.Bucket bucket = byRole.get(role);
            if (bucket != null && (best == null || rate(bucket) > rate(best))) {
                best = bucket;
            }
        }
        return best == null ? fallback : best;
    }

    private static double rate(GatewayConfig.Bucket bucket) {
        return (double) bucket.refill() / bucket.period().toNanos();
    }
}
