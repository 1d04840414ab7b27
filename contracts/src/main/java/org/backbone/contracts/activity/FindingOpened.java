package org.backbone.contracts.activity;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A gap, overlap or other finding appeared (or came back) in the 3W. */
@EventType("org.backbone.activity.finding.opened.v1")
public record FindingOpened(
        UUID initiativeId,
        UUID findingId,
        FindingKind kind,
        UUID goalId,
        String location,
        String targetGroup,
        String period,
        UUID indicatorId,
        List<UUID> activityIds,
        List<UUID> organisationIds,
        Integer score,
        String summary) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(findingId);
    }
}
