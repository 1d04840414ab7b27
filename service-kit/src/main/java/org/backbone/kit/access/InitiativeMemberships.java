package org.backbone.kit.access;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/**
 * The one query access needs: does the initiative exist, and does the organisation belong to it now.
 * agenda-service answers it from its own tables; every other service from the kit's agenda
 * projection ({@link org.backbone.kit.agenda.ProjectedMemberships}, the default).
 */
public interface InitiativeMemberships {

    /**
     * @param organisation the organisation to check, or empty to ask only whether the initiative exists
     *     (then a present initiative is {@link Standing#NOT_MEMBER})
     */
    Uni<Standing> standing(UUID initiative, Optional<UUID> organisation);
}
