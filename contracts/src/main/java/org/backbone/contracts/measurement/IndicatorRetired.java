package org.backbone.contracts.measurement;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An indicator was retired; its values stay. */
@EventType("org.backbone.measurement.indicator.retired.v1")
public record IndicatorRetired(
        UUID initiativeId,
        UUID indicatorId) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(indicatorId);
    }
}
