package org.backbone.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request; inject it and call {@link #get()}. */
@RequestScoped
public class CurrentCaller {

    static final String PARTNER_CLAIM = "partner_id";

    private final SecurityIdentity identity;
    private Caller caller;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = from(identity);
        }
        return caller;
    }

    public static Caller from(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Caller(null, Set.of(), Optional.empty());
        }
        Optional<UUID> partner = Optional.empty();
        String subject = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(PARTNER_CLAIM);
            if (claim != null) {
                partner = parse(claim.toString().replace("\"", ""));
            }
            if (token.getSubject() != null) {
                subject = token.getSubject();
            }
        }
        return new Caller(subject, Set.copyOf(identity.getRoles()), partner);
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            // a malformed claim grants nothing
            return Optional.empty();
        }
    }
}
