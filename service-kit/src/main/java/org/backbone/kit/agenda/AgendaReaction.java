package org.backbone.kit.agenda;

import io.smallrye.mutiny.Uni;
import org.backbone.contracts.BackboneEvent;

/**
 * What a service does itself when an agenda event arrives, inside the same inbox transaction as the
 * projection, so a failure retries or dead-letters the event as a whole. {@link #on} runs before the
 * event is projected (measurement-service creates a joining partner's topic); {@link #projected}
 * after, when the reaction must see the projection as the event left it (activity-service reassesses
 * the activities of a partner that left).
 */
public interface AgendaReaction {

    default Uni<Void> on(BackboneEvent event) {
        return Uni.createFrom().voidItem();
    }

    default Uni<Void> projected(BackboneEvent event) {
        return Uni.createFrom().voidItem();
    }
}
