package org.backbone.contracts.measurement;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An indicator's definition changed. */
@EventType("org.backbone.measurement.indicator.updated.v1")
public record IndicatorUpdated(
        UUID initiativeId,
        UUID indicatorId,
        String code,
        String name,
        long version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(indicatorId);
    }
}
