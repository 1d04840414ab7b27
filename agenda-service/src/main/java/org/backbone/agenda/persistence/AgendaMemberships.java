package org.backbone.agenda.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.util.Optional;
import java.util.UUID;
import org.backbone.kit.access.InitiativeMemberships;
import org.backbone.kit.access.Standing;

/** The kit's access policy answered from agenda-service's own tables, which are the source of truth. */
@ApplicationScoped
public class AgendaMemberships implements InitiativeMemberships {

    private static final UUID NOBODY = new UUID(0, 0);

    @Override
    public Uni<Standing> standing(UUID initiative, Optional<UUID> organisation) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT EXISTS (SELECT 1 FROM initiative WHERE id = :initiative) AS initiative, "
                                + "EXISTS (SELECT 1 FROM membership WHERE initiative_id = :initiative "
                                + "AND organisation_id = :organisation AND left_at IS NULL) AS member", Tuple.class)
                .setParameter("initiative", initiative)
                .setParameter("organisation", organisation.orElse(NOBODY))
                .getSingleResult())
                .map(row -> !row.get("initiative", Boolean.class) ? Standing.ABSENT
                        : organisation.isPresent() && row.get("member", Boolean.class) ? Standing.MEMBER
                        : Standing.NOT_MEMBER);
    }
}
