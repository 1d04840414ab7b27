package org.backbone.measurement.domain;

import org.backbone.kit.domain.Targets;
import org.backbone.kit.domain.Period;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ProgressStatus;
import org.backbone.measurement.domain.Progress.PeriodProgress;
import org.backbone.measurement.domain.ProgressAssembly.Reported;
import org.junit.jupiter.api.Test;

class ProgressAssemblyTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private static Period year(int y) {
        return Period.parse(Integer.toString(y), Periodicity.YEARLY, null).orElseThrow();
    }

    private static ProgressAssembly.Indicator indicator(Aggregation aggregation) {
        Targets targets = new Targets(Optional.of(new Targets.Baseline(year(2024), new BigDecimal("10"))),
                Map.of(year(2027), new BigDecimal("40")));
        return new ProgressAssembly.Indicator(UUID.randomUUID(), "PUPILS", "Pupils", aggregation, Direction.INCREASE,
                Periodicity.YEARLY, null, targets);
    }

    private static Reported total(int year, UUID partner, String value) {
        return new Reported(Integer.toString(year), partner, Observation.of(value), null);
    }

    @Test
    void theRangeRunsFromTheEarliestToTheLatestPeriodWithABaselineValueOrTarget() {
        List<Period> range = ProgressAssembly.range(indicator(Aggregation.SUM), List.of(total(2025, A, "5")), null, null);
        assertThat(range).extracting(Period::code).containsExactly("2024", "2025", "2026", "2027");
    }

    @Test
    void aGivenRangeWinsAndIsCappedAtMaxPeriods() {
        ProgressAssembly.Indicator indicator = indicator(Aggregation.SUM);
        assertThat(ProgressAssembly.range(indicator, List.of(), year(2026), year(2026))).extracting(Period::code)
                .containsExactly("2026");
        assertThat(ProgressAssembly.range(indicator, List.of(), year(1000), year(3000))).hasSize(ProgressAssembly.MAX_PERIODS);
        assertThat(ProgressAssembly.range(indicator, List.of(), year(2027), year(2026))).isEmpty();
    }

    @Test
    void eachPeriodAggregatesThePartnersTotalsAndCountsWhoReported() {
        ProgressAssembly.Indicator indicator = indicator(Aggregation.SUM);
        List<Reported> values = List.of(total(2025, A, "10"), total(2025, B, "15"), total(2026, A, "30"));
        Progress progress = ProgressAssembly.compute(indicator, values, List.of(year(2025), year(2026)), 2, false);
        PeriodProgress y2025 = progress.periods().get(0);
        assertThat(y2025.value()).isEqualByComparingTo("25");
        assertThat(y2025.reportingPartners()).isEqualTo(2);
        assertThat(y2025.expectedPartners()).isEqualTo(2);
        assertThat(y2025.baseline()).isEqualByComparingTo("10");
        assertThat(y2025.byDimension()).isNull();
        PeriodProgress y2026 = progress.periods().get(1);
        assertThat(y2026.reportingPartners()).isEqualTo(1);
        // the trend compares with the period before: up, for an indicator meant to increase
        assertThat(y2026.trend().movement()).isEqualTo(ProgressRules.Movement.UP);
        assertThat(y2026.trend().improving()).isTrue();
        assertThat(y2026.trend().change()).isEqualByComparingTo("5");
    }

    @Test
    void aPeriodWithoutValuesHasNoDataAndTheTrendLooksBackToTheLastPeriodWithData() {
        ProgressAssembly.Indicator indicator = indicator(Aggregation.SUM);
        List<Reported> values = List.of(total(2024, A, "20"), total(2026, A, "10"));
        Progress progress = ProgressAssembly.compute(indicator, values, List.of(year(2025), year(2026)), 1, false);
        assertThat(progress.periods().get(0).value()).isNull();
        assertThat(progress.periods().get(0).status()).isEqualTo(ProgressStatus.NO_DATA);
        assertThat(progress.periods().get(1).trend().change()).isEqualByComparingTo("-10");
        assertThat(progress.periods().get(1).trend().improving()).isFalse();
        assertThat(ProgressAssembly.latest(progress)).map(PeriodProgress::period).contains("2026");
    }

    @Test
    void theBreakdownAggregatesEachDimensionValueApartFromTheTotals() {
        ProgressAssembly.Indicator indicator = indicator(Aggregation.SUM);
        List<Reported> values = List.of(total(2025, A, "10"),
                new Reported("2025", A, Observation.of("4"), "north"),
                new Reported("2025", B, Observation.of("3"), "north"),
                new Reported("2025", A, Observation.of("6"), "south"));
        PeriodProgress y2025 = ProgressAssembly.compute(indicator, values, List.of(year(2025)), 2, true).periods().get(0);
        assertThat(y2025.value()).isEqualByComparingTo("10");
        assertThat(y2025.reportingPartners()).isEqualTo(1);
        assertThat(y2025.byDimension()).containsOnlyKeys("north", "south");
        assertThat(y2025.byDimension().get("north")).isEqualByComparingTo("7");
    }
}
