package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A meeting took place; its attendance is recorded. */
@EventType("org.backbone.communication.meeting.held.v1")
public record MeetingHeld(
        UUID initiativeId,
        UUID meetingId,
        String title,
        int attendingOrganisations) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
