package org.backbone.measurement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.junit.jupiter.api.Test;

class IndicatorDefinitionTest {

    private static final UUID GOAL = UUID.randomUUID();

    private static IndicatorDefinition definition(Periodicity periodicity, Integer startMonth, String baselinePeriod,
            Map<String, BigDecimal> targets, IndicatorDefinition.ValidRange range, List<UUID> goals) {
        return new IndicatorDefinition("ADV_MATH", "Advanced maths", null, "%", ValueType.PERCENT, Direction.INCREASE,
                Aggregation.AVERAGE, periodicity, startMonth, null, goals,
                baselinePeriod == null ? null : new IndicatorDefinition.Baseline(baselinePeriod, BigDecimal.TEN),
                targets, range, null, Visibility.SHARED, false);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void aValidDefinitionHasNoProblemsAndItsMissingCollectionsAreEmpty() {
        IndicatorDefinition d = definition(Periodicity.SCHOOL_YEAR, 9, "2024Sep", Map.of("2026Sep", BigDecimal.ONE),
                new IndicatorDefinition.ValidRange(BigDecimal.ZERO, new BigDecimal("100")), List.of(GOAL));
        assertThat(d.problems(Set.of(GOAL))).isEmpty();
        assertThat(d.dimensions()).isEmpty();
        assertThat(d.reporters()).isEmpty();
    }

    @Test
    void aSchoolYearNamesItsFirstMonth() {
        assertThat(fields(definition(Periodicity.SCHOOL_YEAR, null, null, null, null, List.of()).problems(Set.of())))
                .containsExactly("schoolYearStartMonth");
    }

    @Test
    void theBaselineAndEveryTargetArePeriodsOfThePeriodicity() {
        IndicatorDefinition d = definition(Periodicity.YEARLY, null, "2025Q1",
                Map.of("2026", BigDecimal.ONE, "2027Q2", BigDecimal.TEN), null, List.of());
        assertThat(fields(d.problems(Set.of()))).containsExactly("baseline.period", "targets.2027Q2");
    }

    @Test
    void theValidRangeIsARangeButMayBeOpenOrAPoint() {
        assertThat(fields(definition(Periodicity.YEARLY, null, null, null,
                new IndicatorDefinition.ValidRange(BigDecimal.TEN, BigDecimal.ONE), List.of()).problems(Set.of())))
                .containsExactly("validRange.max");
        assertThat(definition(Periodicity.YEARLY, null, null, null,
                new IndicatorDefinition.ValidRange(BigDecimal.TEN, BigDecimal.TEN), List.of()).problems(Set.of())).isEmpty();
        assertThat(definition(Periodicity.YEARLY, null, null, null,
                new IndicatorDefinition.ValidRange(null, BigDecimal.ONE), List.of()).problems(Set.of())).isEmpty();
    }

    @Test
    void everyGoalIsAnActiveGoalNamedByItsPosition() {
        UUID retired = UUID.randomUUID();
        List<FieldProblem> problems = definition(Periodicity.YEARLY, null, null, null, null, List.of(GOAL, retired))
                .problems(Set.of(GOAL));
        assertThat(fields(problems)).containsExactly("goalIds[1]");
        assertThat(problems.get(0).kind()).isEqualTo(FieldProblem.Kind.INVALID);
    }
}
