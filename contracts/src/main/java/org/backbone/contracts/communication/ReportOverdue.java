package org.backbone.contracts.communication;

import java.time.LocalDate;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A partner's value for an indicator's period was still missing when the grace ended. Published by the reminder scheduler. */
@EventType("org.backbone.communication.report.overdue.v1")
public record ReportOverdue(
        UUID initiativeId,
        UUID indicatorId,
        String indicatorName,
        String period,
        UUID organisationId,
        LocalDate periodEnd,
        LocalDate dueBy) implements BackboneEvent {

    @Override
    public String subject() {
        return indicatorId + "/" + period + "/" + organisationId;
    }
}
