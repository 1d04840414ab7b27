package org.backbone.contracts.measurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/**
 * A shared indicator was defined. The baseline and targets were added to v1 later (optional, so
 * events written before them still read): consumers that hold partners to targets need them.
 */
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
        boolean approvalRequired,
        String baselinePeriod,
        BigDecimal baselineValue,
        List<IndicatorTarget> targets) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(indicatorId);
    }
}
