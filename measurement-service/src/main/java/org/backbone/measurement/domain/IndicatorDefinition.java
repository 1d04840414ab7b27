package org.backbone.measurement.domain;

import org.backbone.kit.domain.Period;
import java.math.BigDecimal;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ValueType;
import org.backbone.contracts.measurement.Visibility;
import org.backbone.kit.domain.FieldProblem;

/**
 * What staff define an indicator as. Collections are never null (empty when not given); the
 * baseline and the valid range may be.
 */
public record IndicatorDefinition(String code, String name, String definition, String unit, ValueType valueType,
        Direction direction, Aggregation aggregation, Periodicity periodicity, Integer schoolYearStartMonth,
        Map<String, List<String>> dimensions, List<UUID> goalIds, Baseline baseline, Map<String, BigDecimal> targets,
        ValidRange validRange, List<UUID> reporters, Visibility visibility, boolean approvalRequired) {

    public record Baseline(String period, BigDecimal value) {
    }

    public record ValidRange(BigDecimal min, BigDecimal max) {
    }

    public IndicatorDefinition {
        dimensions = dimensions == null ? Map.of() : dimensions;
        goalIds = goalIds == null ? List.of() : goalIds;
        targets = targets == null ? Map.of() : targets;
        reporters = reporters == null ? List.of() : reporters;
    }

    /**
     * The rules beyond each field's own: a school year names its first month, the baseline and every
     * target are periods of the periodicity, the valid range is a range, and every goal is one of the
     * initiative's active goals.
     */
    public List<FieldProblem> problems(Set<UUID> activeGoals) {
        List<FieldProblem> problems = new ArrayList<>();
        if (periodicity == Periodicity.SCHOOL_YEAR && schoolYearStartMonth == null) {
            problems.add(new FieldProblem("schoolYearStartMonth", "required for SCHOOL_YEAR"));
        }
        Month start = schoolYearStartMonth == null ? null : Month.of(schoolYearStartMonth);
        if (baseline != null && Period.parse(baseline.period(), periodicity, start).isEmpty()) {
            problems.add(new FieldProblem("baseline.period", "not a period of this indicator's periodicity"));
        }
        targets.keySet().stream()
                .filter(code -> Period.parse(code, periodicity, start).isEmpty())
                .forEach(code -> problems.add(new FieldProblem("targets." + code,
                        "not a period of this indicator's periodicity")));
        if (validRange != null && validRange.min() != null && validRange.max() != null
                && validRange.min().compareTo(validRange.max()) > 0) {
            problems.add(new FieldProblem("validRange.max", "must not be below min"));
        }
        Set<UUID> active = new HashSet<>(activeGoals);
        for (int i = 0; i < goalIds.size(); i++) {
            if (!active.contains(goalIds.get(i))) {
                problems.add(new FieldProblem("goalIds[" + i + "]", "not an active goal of this initiative"));
            }
        }
        return problems;
    }
}
