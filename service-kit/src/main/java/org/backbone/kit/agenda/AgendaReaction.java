package org.backbone.kit.agenda;

import io.smallrye.mutiny.Uni;
import org.backbone.contracts.BackboneEvent;

/**
 * What a service does itself when an agenda event arrives (measurement-service creates a joining
 * partner's topic). Every bean of this type runs before the event is projected, inside the same
 * inbox transaction, so a failure retries or dead-letters the event as a whole.
 */
public interface AgendaReaction {

    Uni<Void> on(BackboneEvent event);
}
