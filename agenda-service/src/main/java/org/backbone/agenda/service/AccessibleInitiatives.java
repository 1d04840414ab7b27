package org.backbone.agenda.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.backbone.agenda.persistence.InitiativeEntity;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.security.Caller;

/** The kit's access policy, then the initiative itself: what agenda's services start from. */
@ApplicationScoped
class AccessibleInitiatives {

    private final InitiativeAccess access;

    AccessibleInitiatives(InitiativeAccess access) {
        this.access = access;
    }

    Uni<InitiativeEntity> readable(Caller caller, UUID initiativeId) {
        return access.readable(caller, initiativeId).chain(() -> InitiativeEntity.<InitiativeEntity>findById(initiativeId));
    }

    /** @param operation as the refusal names it: "only backbone staff {operation}" */
    Uni<InitiativeEntity> administrable(Caller caller, UUID initiativeId, String operation) {
        return access.administrable(caller, initiativeId, operation)
                .chain(() -> InitiativeEntity.<InitiativeEntity>findById(initiativeId));
    }
}
