package org.backbone.contracts.activity;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A partner reported what an activity reached in a period (or submitted it again after it was sent back). */
@EventType("org.backbone.activity.report.submitted.v1")
public record ReportSubmitted(
        UUID initiativeId,
        UUID reportId,
        UUID activityId,
        String period,
        List<ReachLine> lines,
        long version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(reportId);
    }
}
