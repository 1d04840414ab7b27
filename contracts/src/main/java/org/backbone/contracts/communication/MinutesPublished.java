package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Minutes were published; from now on they are immutable. */
@EventType("org.backbone.communication.minutes.published.v1")
public record MinutesPublished(
        UUID initiativeId,
        UUID meetingId,
        int revision,
        String contentHash) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
