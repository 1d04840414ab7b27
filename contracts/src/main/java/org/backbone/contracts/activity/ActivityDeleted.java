package org.backbone.contracts.activity;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A planned activity without reports was deleted. */
@EventType("org.backbone.activity.activity.deleted.v1")
public record ActivityDeleted(UUID initiativeId, UUID activityId) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(activityId);
    }
}
