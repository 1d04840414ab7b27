package org.backbone.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** The principal the OIDC extension makes of a verified token: here only its name and expiry. */
    private record Token(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "preferred_username");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return (T) (claim.equals("exp") ? Long.valueOf(exp) : claim.equals("preferred_username") ? name : null);
        }
    }

    private final ManualClock clock = new ManualClock();

    private SecurityIdentity verified(String user, Duration expiresIn) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Token(user, clock.instant().plus(expiresIn).getEpochSecond()))
                .addRole("partner-system")
                .addPermissionAsString("measurements:submit")
                .addAttribute("tenant-id", "Default")
                .addAttribute(RoutingContext.class.getName(), "the request that verified it")
                .addAttribute(AuthenticationRequestContext.class.getName(), "its blocking executor")
                .build();
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(10), 100, clock);
        tokens.remember("token-a", verified("partner-a", Duration.ofSeconds(30)));

        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.lookup("token-a")).hasValueSatisfying(identity -> {
            assertThat(identity.getPrincipal().getName()).isEqualTo("partner-a");
            assertThat(identity.getRoles()).containsExactly("partner-system");
        });
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.lookup("token-a")).isEmpty();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.remember("token-a", verified("partner-a", Duration.ofHours(1)));

        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.lookup("token-a")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.lookup("token-a")).isEmpty();
    }

    @Test
    void onlyTheExactTokenIsKnown() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.remember("header.payload.signature", verified("partner-a", Duration.ofMinutes(5)));

        assertThat(tokens.lookup("header.payload.signaturf")).isEmpty();
        assertThat(tokens.lookup("header.payload.")).isEmpty();
        assertThat(tokens.lookup(null)).as("a call without a token").isEmpty();
        assertThat(tokens.lookup("header.payload.signature")).isPresent();
    }

    @Test
    void theKeptIdentityKeepsTheTokensPermissionsButNothingOfTheRequestThatVerifiedIt() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.remember("token-a", verified("partner-a", Duration.ofMinutes(5)));

        SecurityIdentity kept = tokens.lookup("token-a").orElseThrow();
        assertThat(kept.getAttributes()).containsEntry("tenant-id", "Default")
                .doesNotContainKeys(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());
        // the token's permissions stay with it
        assertThat(kept.checkPermissionBlocking(new io.quarkus.security.StringPermission("measurements", "submit"))).isTrue();
        assertThat(kept.checkPermissionBlocking(new io.quarkus.security.StringPermission("indicators", "define"))).isFalse();
    }

    @Test
    void expiredTokensTokensWithoutExpiryAndATurnedOffCacheKeepNothing() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.remember("expired", verified("partner-a", Duration.ofSeconds(-1)));
        tokens.remember("no-expiry", QuarkusSecurityIdentity.builder().setPrincipal(new Token("partner-a", 0)).build());
        tokens.remember("not-a-jwt", QuarkusSecurityIdentity.builder()
                .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal("partner-a")).build());
        assertThat(tokens.lookup("expired")).isEmpty();
        assertThat(tokens.lookup("no-expiry")).isEmpty();
        assertThat(tokens.lookup("not-a-jwt")).isEmpty();

        VerifiedTokens off = new VerifiedTokens(Duration.ZERO, 100, clock);
        off.remember("token-a", verified("partner-a", Duration.ofMinutes(5)));
        assertThat(off.lookup("token-a")).isEmpty();
    }
}
