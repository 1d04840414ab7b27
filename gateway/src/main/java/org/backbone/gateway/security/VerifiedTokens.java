package org.backbone.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.backbone.gateway.config.GatewayConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of the bearer tokens this gateway has verified, kept until the token expires but no
 * longer than {@code backbone.gateway.verified-tokens.max-age}, so that a client's next call skips
 * the signature check and the claim parsing, most of the gateway's CPU per proxied call without it
 * (bench/RESULTS.md), as API gateways do (Envoy's JWT cache). The key is
 * the whole token, signature included: a token altered in any way is a miss and is verified. The
 * services behind verify every token again.
 */
@Singleton
public class VerifiedTokens {

    /** Attributes that belong to the request that verified the token, not to the token. */
    private static final Set<String> REQUEST_ATTRIBUTES = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    private record Verified(SecurityIdentity identity, long lifetimeNanos) {
    }

    private final Cache<String, Verified> cache;
    private final long maxAgeNanos;
    private final Clock clock;

    @Inject
    VerifiedTokens(GatewayConfig config) {
        this(config.verifiedTokens().maxAge(), config.verifiedTokens().maxSize(), Clock.systemUTC());
    }

    /** With the clock that both token expiry and the cache's ages are read from. */
    VerifiedTokens(Duration maxAge, long maxSize, Clock clock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = clock;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker)
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified verified, long now) {
                        return verified.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified verified, long now, long current) {
                        return verified.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterRead(String token, Verified verified, long now, long current) {
                        return current;
                    }
                }).build();
    }

    /**
     * The identity of {@code token} (null: none) if it was verified before and has not expired
     * since, without the attributes of the request that verified it.
     */
    public Optional<SecurityIdentity> lookup(String token) {
        Verified verified = token == null ? null : cache.getIfPresent(token);
        return verified == null ? Optional.empty() : Optional.of(verified.identity());
    }

    /**
     * Keeps the identity that verifying {@code token} produced, until the token's expiry or the
     * maximum age, whichever comes first. A token without an expiry is not kept.
     */
    public void remember(String token, SecurityIdentity identity) {
        if (maxAgeNanos <= 0 || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long untilExpiry = TimeUnit.MILLISECONDS.toNanos(TimeUnit.SECONDS.toMillis(jwt.getExpirationTime()) - clock.millis());
        long lifetime = Math.min(untilExpiry, maxAgeNanos);
        if (lifetime <= 0) {
            return;
        }
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials());
        if (identity instanceof QuarkusSecurityIdentity verified) {
            // the token's own permissions (its scopes), not a checker that would hold on to the verifying request
            kept.addPermissions(verified.getPermissions());
        } else {
            kept.addPermissionChecker(identity::checkPermission);
        }
        identity.getAttributes().forEach((name, value) -> {
            if (!REQUEST_ATTRIBUTES.contains(name)) {
                kept.addAttribute(name, value);
            }
        });
        cache.put(token, new Verified(kept.build(), lifetime));
    }
}
