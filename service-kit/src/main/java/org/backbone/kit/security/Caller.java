package org.backbone.kit.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the token's subject, realm roles and the partner organisation the caller acts
 * for (claim {@code partner_id}). Object-level checks start here; a role alone never grants access
 * to another organisation's data.
 */
public record Caller(String subject, Set<String> roles, Optional<UUID> partnerId) {

    public boolean isAdmin() {
        return roles.contains(Role.BACKBONE_ADMIN);
    }

    public boolean isObserver() {
        return roles.contains(Role.OBSERVER);
    }

    /** Backbone staff and observers read every initiative; partners only those they belong to. */
    public boolean readsAllInitiatives() {
        return isAdmin() || isObserver();
    }

    /** A partner member or partner system acting for its organisation. */
    public boolean isPartner() {
        return partnerId.isPresent() && (roles.contains(Role.PARTNER_MEMBER) || roles.contains(Role.PARTNER_SYSTEM));
    }

    /** Whether the caller acts for {@code organisationId} (backbone staff do not, unless the token says so). */
    public boolean actsFor(UUID organisationId) {
        return isPartner() && partnerId.get().equals(organisationId);
    }

    /** May write data on behalf of {@code organisationId}: its own partner, or backbone staff. */
    public boolean mayWriteFor(UUID organisationId) {
        return isAdmin() || actsFor(organisationId);
    }
}
