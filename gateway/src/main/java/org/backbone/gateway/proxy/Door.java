package org.backbone.gateway.proxy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.backbone.gateway.ratelimit.RateLimits;
import org.backbone.gateway.security.VerifiedTokens;
import org.backbone.kit.problem.ProblemResponses;
import org.backbone.kit.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * Authentication at the door and the rate limit behind it: every {@code /api/v1} call needs a valid
 * bearer token (one verified before and still valid is not verified again, see
 * {@link VerifiedTokens}) and a token left in its client's bucket. Callers without a valid token are
 * limited by address, so that guessing tokens costs as much as calling.
 */
@Singleton
public class Door {

    private static final Logger LOG = Logger.getLogger(Door.class);
    private static final String INVALID = "the bearer token is not valid (expired, wrongly signed or not for this API)";

    private final RateLimits rateLimits;
    private final IdentityProviderManager identities;
    private final VerifiedTokens verifiedTokens;

    Door(RateLimits rateLimits, IdentityProviderManager identities, VerifiedTokens verifiedTokens) {
        this.rateLimits = rateLimits;
        this.identities = identities;
        this.verifiedTokens = verifiedTokens;
    }

    /** The identity of a token verified before, if the call carries one. */
    Optional<SecurityIdentity> remembered(RoutingContext context) {
        return verifiedTokens.lookup(bearerToken(context));
    }

    /**
     * Verifies the caller's token (through Quarkus, so that the identity is the request's) and hands the
     * identity on; answers 401 or 503 itself.
     */
    void authenticate(RoutingContext context, Consumer<SecurityIdentity> admitted) {
        String token = bearerToken(context);
        // Quarkus answers a failed authentication through this handler: make it a problem detail
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (failed, failure) ->
                unauthorized(failed, INVALID));
        QuarkusHttpUser.getSecurityIdentity(context, identities).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                unauthorized(context, "a bearer token is required");
                return;
            }
            if (token != null) {
                verifiedTokens.remember(token, identity);
            }
            admitted.accept(identity);
        }, failure -> {
            if (failure instanceof AuthenticationFailedException) {
                unauthorized(context, INVALID);
            } else {
                LOG.errorf(failure, "authentication failed unexpectedly");
                ProblemResponses.send(context, ProblemType.SERVICE_UNAVAILABLE, "the identity provider cannot be reached");
            }
        });
    }

    /** Takes a token from the caller's bucket (by principal, or by address when null); answers 429 if none is left. */
    boolean refuseOverLimit(RoutingContext context, SecurityIdentity identity) {
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

    /** 401, unless the caller's address has used up the anonymous limit (then 429). */
    private void unauthorized(RoutingContext context, String detail) {
        if (context.response().headWritten() || refuseOverLimit(context, null)) {
            return;
        }
        context.response().putHeader("WWW-Authenticate", "Bearer realm=\"backbone\"");
        ProblemResponses.send(context, ProblemType.UNAUTHORIZED, detail);
    }

    /** The bearer token of the Authorization header, or null. */
    static String bearerToken(RoutingContext context) {
        return bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
    }

    static String bearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && authorization.length() > 7
                ? authorization.substring(7).trim() : null;
    }
}
