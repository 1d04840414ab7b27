package org.backbone.contracts.measurement;

import java.math.BigDecimal;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Progress for one indicator and period changed. */
@EventType("org.backbone.measurement.progress.updated.v1")
public record ProgressUpdated(
        UUID initiativeId,
        UUID indicatorId,
        String period,
        BigDecimal value,
        BigDecimal target,
        ProgressStatus status,
        int reportingPartners,
        int expectedPartners) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(indicatorId);
    }
}
