package org.backbone.contracts.activity;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Backbone staff accepted a reach report or sent it back with a comment. */
@EventType("org.backbone.activity.report.reviewed.v1")
public record ReportReviewed(
        UUID initiativeId,
        UUID reportId,
        UUID activityId,
        String period,
        ReportStatus status,
        String comment,
        long version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(reportId);
    }
}
