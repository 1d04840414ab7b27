package org.backbone.contracts.measurement;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A shared indicator was defined. */
@EventType("org.backbone.measurement.indicator.defined.v1")
public record IndicatorDefined(
        UUID initiativeId,
        UUID indicatorId,
        String code,
        String name,
        String unit,
        ValueType valueType,
        Direction direction,
        Aggregation aggregation,
        Periodicity periodicity,
        List<UUID> goalIds,
        Visibility visibility,
        boolean approvalRequired) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(indicatorId);
    }
}
