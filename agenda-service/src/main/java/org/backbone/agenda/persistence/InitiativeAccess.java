package org.backbone.agenda.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Who may see an initiative: backbone staff and observers see every initiative; a partner sees the
 * initiatives its organisation currently belongs to. For anyone else the initiative does not exist
 * (404), so its existence is not revealed.
 */
@ApplicationScoped
public class InitiativeAccess {

    public Uni<InitiativeEntity> readable(Caller caller, UUID initiativeId) {
        return InitiativeEntity.<InitiativeEntity>findById(initiativeId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("initiative " + initiativeId))
                .call(initiative -> mayRead(caller, initiativeId).invoke(allowed -> {
                    if (!allowed) {
                        throw ProblemException.notFound("initiative " + initiativeId);
                    }
                }));
    }

    /** Like {@link #readable}, then 403 unless the caller is backbone staff. */
    public Uni<InitiativeEntity> administrable(Caller caller, UUID initiativeId) {
        return readable(caller, initiativeId).invoke(initiative -> {
            if (!caller.isAdmin()) {
                throw ProblemException.forbidden("only backbone staff may change an initiative");
            }
        });
    }

    public Uni<Boolean> mayRead(Caller caller, UUID initiativeId) {
        if (caller.readsAllInitiatives()) {
            return Uni.createFrom().item(true);
        }
        if (caller.partnerId().isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return MembershipEntity.isCurrentMember(initiativeId, caller.partnerId().get());
    }
}
