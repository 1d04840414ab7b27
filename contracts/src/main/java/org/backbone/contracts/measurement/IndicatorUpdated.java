package org.backbone.contracts.measurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/**
 * An indicator's definition changed. Everything after {@code version} was added to v1 later (optional,
 * so events written before them still read): the definition as it now is, for consumers' projections.
 */
@EventType("org.backbone.measurement.indicator.updated.v1")
public record IndicatorUpdated(
        UUID initiativeId,
        UUID indicatorId,
        String code,
        String name,
        long version,
        String unit,
        Aggregation aggregation,
        Periodicity periodicity,
        List<UUID> goalIds,
        Visibility visibility,
        String baselinePeriod,
        BigDecimal baselineValue,
        List<IndicatorTarget> targets,
        List<UUID> reporters,
        Integer schoolYearStartMonth) implements BackboneEvent {

    /** As written before reporters and the school year's first month were added (optional, 2026-12). */
    public IndicatorUpdated(UUID initiativeId, UUID indicatorId, String code, String name, long version, String unit,
            Aggregation aggregation, Periodicity periodicity, List<UUID> goalIds, Visibility visibility, String baselinePeriod,
            BigDecimal baselineValue, List<IndicatorTarget> targets) {
        this(initiativeId, indicatorId, code, name, version, unit, aggregation, periodicity, goalIds, visibility, baselinePeriod,
                baselineValue, targets, null, null);
    }

    @Override
    public String subject() {
        return String.valueOf(indicatorId);
    }
}
