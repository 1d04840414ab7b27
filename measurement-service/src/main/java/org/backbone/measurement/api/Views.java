package org.backbone.measurement.api;

import java.util.List;
import java.util.stream.IntStream;
import org.backbone.measurement.api.IndicatorDtos.Indicator;
import org.backbone.measurement.api.IndicatorDtos.IndicatorRequest;
import org.backbone.measurement.api.ValueDtos.BatchRequest;
import org.backbone.measurement.domain.IndicatorDefinition;
import org.backbone.measurement.persistence.IndicatorEntity;
import org.backbone.measurement.service.ValueService;

/** API bodies to and from what the services take and return: the one place the two meet. */
final class Views {

    private Views() {
    }

    static IndicatorDefinition definition(IndicatorRequest r) {
        return new IndicatorDefinition(r.code(), r.name(), r.definition(), r.unit(), r.valueType(), r.direction(),
                r.aggregation(), r.periodicity(), r.schoolYearStartMonth(), r.dimensions(), r.goalIds(),
                r.baseline() == null ? null : new IndicatorDefinition.Baseline(r.baseline().period(), r.baseline().value()),
                r.targets(),
                r.validRange() == null ? null : new IndicatorDefinition.ValidRange(r.validRange().min(), r.validRange().max()),
                r.reporters(), r.visibility(), r.approvalRequired());
    }

    static Indicator indicator(IndicatorEntity i) {
        return new Indicator(i.id, i.initiativeId, i.code, i.name, i.definition, i.unit, i.valueType, i.direction,
                i.aggregation, i.periodicity, i.schoolYearStart, i.dimensions, List.of(i.goalIds),
                i.baselinePeriod == null ? null : new IndicatorDtos.Baseline(i.baselinePeriod, i.baselineValue),
                i.targets, i.minValue == null && i.maxValue == null ? null : new IndicatorDtos.ValidRange(i.minValue, i.maxValue),
                List.of(i.reporters), i.visibility, i.approvalRequired, i.status.name(), i.createdAt, i.version);
    }

    /** A batch's values, numbered from 0 as their index in the request. */
    static List<ValueService.Entry> entries(BatchRequest batch) {
        return IntStream.range(0, batch.values().size()).mapToObj(i -> {
            var v = batch.values().get(i);
            return new ValueService.Entry(v.period(), v.dimensions(), v.value(), v.numerator(), v.denominator(), v.comment());
        }).toList();
    }
}
