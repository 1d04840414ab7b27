package org.backbone.communication.domain.meeting;

import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;

/**
 * Who is invited to a meeting: every current partner ({@code openToAll}), or the partners named,
 * of the roles or of the sectors given (any one of them invites). Staff are always invited; nobody
 * named is a staff-only meeting.
 */
public record Invitation(boolean openToAll, Set<UUID> organisations, Set<PartnerRole> roles, Set<Sector> sectors) {

    public Invitation {
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        sectors = sectors == null ? Set.of() : Set.copyOf(sectors);
    }

    /** Whether a current partner of this role and sector is invited (either may be unknown: null). */
    public boolean invites(UUID organisation, PartnerRole role, Sector sector) {
        return openToAll || organisations.contains(organisation) || role != null && roles.contains(role)
                || sector != null && sectors.contains(sector);
    }
}
