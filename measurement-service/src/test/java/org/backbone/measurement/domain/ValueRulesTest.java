package org.backbone.measurement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ValueType;
import org.backbone.kit.domain.FieldProblem;
import org.junit.jupiter.api.Test;

class ValueRulesTest {

    private final UUID partner = UUID.randomUUID();

    private IndicatorSpec spec(ValueType type, Aggregation aggregation) {
        return new IndicatorSpec("ADV_MATH", true, type, aggregation, Periodicity.QUARTERLY, null,
                Map.of("region", Set.of("north", "south")), Optional.of(BigDecimal.ZERO),
                Optional.of(new BigDecimal("100000")), Set.of());
    }

    private static SubmittedValue value(String period, String value, Map<String, String> dimensions) {
        return new SubmittedValue("ADV_MATH", period, dimensions, value == null ? null : new BigDecimal(value), null, null, null);
    }

    @Test
    void aGoodValuePasses() {
        assertThat(ValueRules.problems(spec(ValueType.INTEGER, Aggregation.SUM), value("2026Q1", "120",
                Map.of("region", "north")), partner, true, Set.of())).isEmpty();
    }

    @Test
    void periodMustFitThePeriodicityAndNotBeLocked() {
        IndicatorSpec spec = spec(ValueType.NUMBER, Aggregation.SUM);
        assertThat(ValueRules.problems(spec, value("202601", "1", Map.of()), partner, true, Set.of()))
                .containsExactly(new FieldProblem("period", "'202601' is not a quarterly period code"));
        assertThat(ValueRules.problems(spec, value("2026Q1", "1", Map.of()), partner, true, Set.of("2026Q1")))
                .containsExactly(FieldProblem.conflict("period", "period 2026Q1 is locked"));
        // the API tells a locked period (409) from bad data (422) by this kind, never by the message
        assertThat(ValueRules.problems(spec, value("2026Q1", "1", Map.of()), partner, true, Set.of("2026Q1")))
                .extracting(FieldProblem::kind).containsExactly(FieldProblem.Kind.CONFLICT);
        assertThat(ValueRules.problems(spec, value("202601", "1", Map.of()), partner, true, Set.of()))
                .extracting(FieldProblem::kind).containsExactly(FieldProblem.Kind.INVALID);
    }

    @Test
    void valueMustFitTypeAndRange() {
        assertThat(ValueRules.problems(spec(ValueType.INTEGER, Aggregation.SUM), value("2026Q1", "1.5", Map.of()),
                partner, true, Set.of())).extracting(FieldProblem::message).containsExactly("must be a whole number");
        assertThat(ValueRules.problems(spec(ValueType.PERCENT, Aggregation.AVERAGE), value("2026Q1", "101", Map.of()),
                partner, true, Set.of())).extracting(FieldProblem::message)
                .containsExactly("must be a percentage between 0 and 100");
        assertThat(ValueRules.problems(spec(ValueType.NUMBER, Aggregation.SUM), value("2026Q1", "-1", Map.of()),
                partner, true, Set.of())).extracting(FieldProblem::message).containsExactly("must be at least 0");
        assertThat(ValueRules.problems(spec(ValueType.NUMBER, Aggregation.SUM), value("2026Q1", null, Map.of()),
                partner, true, Set.of())).containsExactly(new FieldProblem("value", "required"));
    }

    @Test
    void ratioIndicatorsTakeNumeratorAndDenominator() {
        IndicatorSpec ratio = spec(ValueType.PERCENT, Aggregation.RATIO);
        assertThat(ValueRules.problems(ratio, new SubmittedValue("ADV_MATH", "2026Q1", Map.of(), null,
                new BigDecimal("30"), new BigDecimal("0"), null), partner, true, Set.of())).isEmpty();
        assertThat(ValueRules.problems(ratio, value("2026Q1", "30", Map.of()), partner, true, Set.of()))
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("numerator", "denominator", "value");
    }

    @Test
    void dimensionsMustBeKnownAndTheirValuesAllowed() {
        assertThat(ValueRules.problems(spec(ValueType.NUMBER, Aggregation.SUM),
                value("2026Q1", "1", Map.of("region", "east", "gender", "f")), partner, true, Set.of()))
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("dimensions.region", "dimensions.gender");
    }

    @Test
    void onlyCurrentMembersThatReportTheIndicatorMaySubmitAndOnlyToActiveIndicators() {
        IndicatorSpec listed = new IndicatorSpec("ADV_MATH", false, ValueType.NUMBER, Aggregation.SUM,
                Periodicity.QUARTERLY, null, Map.of(), Optional.empty(), Optional.empty(), Set.of(UUID.randomUUID()));
        assertThat(ValueRules.problems(listed, value("2026Q1", "1", Map.of()), partner, true, Set.of()))
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("indicatorCode", "organisationId");
        assertThat(ValueRules.problems(spec(ValueType.NUMBER, Aggregation.SUM), value("2026Q1", "1", Map.of()),
                partner, false, Set.of())).containsExactly(new FieldProblem("organisationId", "not a current partner of the initiative"));
    }
}
