package org.backbone.communication.domain.announcement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.communication.Audience;
import org.backbone.kit.domain.FieldProblem;

/**
 * Who an announcement is for: everyone who may read the initiative (staff, observers, every partner),
 * its partners (all, or those of some roles or sectors), or backbone staff alone. Staff read every
 * announcement; nobody else reads one before it is published.
 */
public record AnnouncementAudience(Audience audience, Set<PartnerRole> partnerRoles, Set<Sector> partnerSectors) {

    public AnnouncementAudience {
        partnerRoles = partnerRoles == null ? Set.of() : Set.copyOf(partnerRoles);
        partnerSectors = partnerSectors == null ? Set.of() : Set.copyOf(partnerSectors);
    }

    /** Who reads: staff, an observer, or a member of a partner organisation (its role and sector in the initiative). */
    public sealed interface Reader {
        record Staff() implements Reader {
        }

        record Observer() implements Reader {
        }

        /** A partner's member; {@code role} and {@code sector} may be unknown (null). */
        record Partner(PartnerRole role, Sector sector) implements Reader {
        }
    }

    /** Why these settings are not an audience (roles and sectors narrow PARTNERS only); empty when they are. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (audience != Audience.PARTNERS) {
            if (!partnerRoles.isEmpty()) {
                problems.add(new FieldProblem("partnerRoles", "only narrows an audience of PARTNERS"));
            }
            if (!partnerSectors.isEmpty()) {
                problems.add(new FieldProblem("partnerSectors", "only narrows an audience of PARTNERS"));
            }
        }
        return problems;
    }

    /** Whether a partner organisation of this role and sector is in the audience. */
    public boolean includesPartner(PartnerRole role, Sector sector) {
        return switch (audience) {
            case EVERYONE -> true;
            case STAFF -> false;
            // a role or sector not known yet admits to the unnarrowed audience only
            case PARTNERS -> (partnerRoles.isEmpty() || role != null && partnerRoles.contains(role))
                    && (partnerSectors.isEmpty() || sector != null && partnerSectors.contains(sector));
        };
    }

    /** Whether {@code reader} may read an announcement for this audience, published or not yet. */
    public boolean mayRead(Reader reader, boolean published) {
        if (reader instanceof Reader.Staff) {
            return true;
        }
        if (!published) {
            return false;
        }
        if (reader instanceof Reader.Partner partner) {
            return includesPartner(partner.role(), partner.sector());
        }
        return audience == Audience.EVERYONE;
    }
}
