package org.backbone.contracts.measurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/**
 * A shared indicator was defined. The baseline and targets were added to v1 later (optional, so
 * events written before them still read): consumers that hold partners to targets need them; so were
 * the reporters (none or empty: every partner) and a SCHOOL_YEAR's first month, which consumers that
 * remind partners of reports due need.
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
        List<IndicatorTarget> targets,
        List<UUID> reporters,
        Integer schoolYearStartMonth) implements BackboneEvent {

    /** As written before reporters and the school year's first month were added (optional, 2026-12). */
    public IndicatorDefined(UUID initiativeId, UUID indicatorId, String code, String name, String unit, ValueType valueType,
            Direction direction, Aggregation aggregation, Periodicity periodicity, List<UUID> goalIds, Visibility visibility,
            boolean approvalRequired, String baselinePeriod, BigDecimal baselineValue, List<IndicatorTarget> targets) {
        this(initiativeId, indicatorId, code, name, unit, valueType, direction, aggregation, periodicity, goalIds, visibility,
                approvalRequired, baselinePeriod, baselineValue, targets, null, null);
    }

    @Override
    public String subject() {
        return String.valueOf(indicatorId);
    }
}
