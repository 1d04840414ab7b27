package org.backbone.contracts.measurement;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An indicator moved from one status to another. */
@EventType("org.backbone.measurement.indicator.status-changed.v1")
public record IndicatorStatusChanged(
        UUID initiativeId,
        UUID indicatorId,
        String period,
        ProgressStatus previousStatus,
        ProgressStatus status) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(indicatorId);
    }
}
