package org.backbone.kit.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Who may see or change an initiative, by {@link AccessRule}. An initiative the caller may not read
 * answers exactly as one that does not exist (404), so its existence is not revealed; one it may
 * read but not change answers 403 naming the operation.
 */
@ApplicationScoped
public class InitiativeAccess {

    private final InitiativeMemberships memberships;

    InitiativeAccess(InitiativeMemberships memberships) {
        this.memberships = memberships;
    }

    /** Completes when the caller may read the initiative; fails with 404 otherwise. */
    public Uni<Void> readable(Caller caller, UUID initiativeId) {
        if (AccessRule.scope(caller) == Scope.NONE) {
            return Uni.createFrom().failure(notFound(initiativeId));
        }
        return memberships.standing(initiativeId, AccessRule.memberToCheck(caller)).invoke(standing -> {
            if (!AccessRule.mayRead(caller, standing)) {
                throw notFound(initiativeId);
            }
        }).replaceWithVoid();
    }

    /**
     * Like {@link #readable}, then 403 unless the caller may change it.
     *
     * @param operation what is refused, as the refusal names it: "only backbone staff {operation}"
     */
    public Uni<Void> administrable(Caller caller, UUID initiativeId, String operation) {
        return readable(caller, initiativeId).invoke(() -> {
            if (!AccessRule.mayAdminister(caller)) {
                throw ProblemException.forbidden("only backbone staff " + operation);
            }
        });
    }

    private static ProblemException notFound(UUID initiativeId) {
        return ProblemException.notFound("initiative " + initiativeId);
    }
}
