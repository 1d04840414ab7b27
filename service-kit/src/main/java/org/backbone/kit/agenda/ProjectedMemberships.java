package org.backbone.kit.agenda;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.backbone.kit.access.InitiativeMemberships;
import org.backbone.kit.access.Standing;

/** Access answered from the agenda projection: the default for every service but agenda-service. */
@DefaultBean
@ApplicationScoped
public class ProjectedMemberships implements InitiativeMemberships {

    private static final UUID NOBODY = new UUID(0, 0);

    private final AgendaProjection projection;

    ProjectedMemberships(AgendaProjection projection) {
        this.projection = projection;
    }

    @Override
    public Uni<Standing> standing(UUID initiative, Optional<UUID> organisation) {
        return projection.presence(initiative, organisation.orElse(NOBODY)).map(found -> {
            if (!found.initiative()) {
                return Standing.ABSENT;
            }
            return organisation.isPresent() && found.member() ? Standing.MEMBER : Standing.NOT_MEMBER;
        });
    }
}
