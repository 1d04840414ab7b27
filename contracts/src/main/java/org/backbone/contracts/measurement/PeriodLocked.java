package org.backbone.contracts.measurement;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A reporting period was locked for one indicator or initiative-wide. */
@EventType("org.backbone.measurement.period.locked.v1")
public record PeriodLocked(
        UUID initiativeId,
        String period,
        UUID indicatorId,
        String lockedBy) implements BackboneEvent {

    @Override
    public String subject() {
        return period;
    }
}
