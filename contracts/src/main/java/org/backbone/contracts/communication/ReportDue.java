package org.backbone.contracts.communication;

import java.time.LocalDate;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A reporting period of an indicator ended without a partner's value: it is due by dueBy (the period's end plus the initiative's grace). Published by the reminder scheduler. */
@EventType("org.backbone.communication.report.due.v1")
public record ReportDue(
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
