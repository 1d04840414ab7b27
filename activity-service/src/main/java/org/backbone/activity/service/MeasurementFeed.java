package org.backbone.activity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.backbone.activity.persistence.Indicators;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.contracts.measurement.IndicatorRetired;
import org.backbone.contracts.measurement.IndicatorStatusChanged;
import org.backbone.contracts.measurement.IndicatorUpdated;

/**
 * What this service keeps of measurement-service's events: indicators (goals, aggregation, baseline,
 * targets), whether they are retired, and their latest status. A change of targets or a retirement
 * reassesses the indicator's ledger findings in the same (inbox) transaction. Other events are ignored.
 */
@ApplicationScoped
public class MeasurementFeed {

    private final Indicators indicators;
    private final Assessor assessor;

    MeasurementFeed(Indicators indicators, Assessor assessor) {
        this.indicators = indicators;
        this.assessor = assessor;
    }

    public Uni<Void> apply(BackboneEvent event, OffsetDateTime time) {
        if (event instanceof IndicatorDefined d) {
            return indicators.define(new Indicators.Definition(d.initiativeId(), d.indicatorId(), d.code(), d.name(),
                            d.unit(), d.aggregation(), d.goalIds(), d.baselinePeriod(), d.baselineValue(),
                            d.targets() == null ? List.of() : d.targets(), 0))
                    .call(() -> assessor.ledger(d.initiativeId(), d.indicatorId())).replaceWithVoid();
        } else if (event instanceof IndicatorUpdated u) {
            Uni<Void> stored = u.aggregation() == null || u.goalIds() == null
                    ? indicators.rename(u.indicatorId(), u.code(), u.name(), u.version())
                    : indicators.define(new Indicators.Definition(u.initiativeId(), u.indicatorId(), u.code(), u.name(),
                            u.unit(), u.aggregation(), u.goalIds(), u.baselinePeriod(), u.baselineValue(),
                            u.targets() == null ? List.of() : u.targets(), u.version()));
            return stored.call(() -> assessor.ledger(u.initiativeId(), u.indicatorId())).replaceWithVoid();
        } else if (event instanceof IndicatorRetired r) {
            return indicators.retire(r.indicatorId()).call(() -> assessor.ledger(r.initiativeId(), r.indicatorId()))
                    .replaceWithVoid();
        } else if (event instanceof IndicatorStatusChanged s) {
            return indicators.status(s.indicatorId(), s.period(), s.status().name(), time);
        }
        return Uni.createFrom().voidItem();
    }
}
