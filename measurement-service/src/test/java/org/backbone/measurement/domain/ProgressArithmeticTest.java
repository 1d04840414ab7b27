package org.backbone.measurement.domain;

import org.backbone.kit.domain.Targets;
import org.backbone.kit.domain.Period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backbone.contracts.measurement.ProgressStatus.ACHIEVED;
import static org.backbone.contracts.measurement.ProgressStatus.AT_RISK;
import static org.backbone.contracts.measurement.ProgressStatus.NO_DATA;
import static org.backbone.contracts.measurement.ProgressStatus.OFF_TRACK;
import static org.backbone.contracts.measurement.ProgressStatus.ON_TRACK;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.Periodicity;
import org.junit.jupiter.api.Test;

class ProgressArithmeticTest {

    private static Period year(int y) {
        return Period.parse(Integer.toString(y), Periodicity.YEARLY, null).orElseThrow();
    }

    private static Optional<BigDecimal> n(String value) {
        return Optional.of(new BigDecimal(value));
    }

    @Test
    void aggregatesAcrossPartners() {
        List<Observation> values = List.of(Observation.of("10"), Observation.of("20"), Observation.of("60"));
        assertThat(Aggregator.aggregate(Aggregation.SUM, values)).contains(new BigDecimal("90"));
        assertThat(Aggregator.aggregate(Aggregation.AVERAGE, values)).contains(new BigDecimal("30"));
        assertThat(Aggregator.aggregate(Aggregation.MIN, values)).contains(new BigDecimal("10"));
        assertThat(Aggregator.aggregate(Aggregation.MAX, values)).contains(new BigDecimal("60"));
        assertThat(Aggregator.aggregate(Aggregation.SUM, List.of())).isEmpty();
    }

    @Test
    void ratioSumsNumeratorsAndDenominatorsAndHasNoValueForAZeroDenominator() {
        // 30/100 and 10/300: the pooled share is 40/400, not the mean of 0.3 and 0.033
        assertThat(Aggregator.aggregate(Aggregation.RATIO,
                List.of(Observation.ratio("30", "100"), Observation.ratio("10", "300")))).contains(new BigDecimal("0.1"));
        assertThat(Aggregator.aggregate(Aggregation.RATIO, List.of(Observation.ratio("5", "0")))).isEmpty();
    }

    @Test
    void targetsAreExplicitOrLinearFromTheBaselineToTheNextTarget() {
        Targets targets = new Targets(Optional.of(new Targets.Baseline(year(2024), new BigDecimal("100"))),
                Map.of(year(2028), new BigDecimal("200"), year(2030), new BigDecimal("220")));
        assertThat(targets.targetFor(year(2028))).contains(new BigDecimal("200"));
        // 2026 is 731 of 1461 days from 2024 to 2028 (2024 is a leap year): 100 + 100 × 731/1461
        assertThat(targets.targetFor(year(2026)).orElseThrow()).isBetween(new BigDecimal("150.0"), new BigDecimal("150.1"));
        assertThat(targets.targetFor(year(2029)).orElseThrow()).isBetween(new BigDecimal("209.9"), new BigDecimal("210.1"));
        assertThat(targets.targetFor(year(2032))).as("after the last target it still holds").contains(new BigDecimal("220"));
        assertThat(targets.targetFor(year(2023))).as("before the baseline there is none").isEmpty();
        assertThat(targets.finalTarget()).contains(new BigDecimal("220"));
    }

    @Test
    void withoutABaselineOnlyExplicitTargetsExist() {
        Targets targets = new Targets(Optional.empty(), Map.of(year(2028), new BigDecimal("200")));
        assertThat(targets.targetFor(year(2026))).isEmpty();
        assertThat(targets.targetFor(year(2028))).contains(new BigDecimal("200"));
        assertThat(ProgressRules.status(Direction.INCREASE, n("150"), targets.targetFor(year(2026)), Optional.empty(),
                targets.finalTarget())).isEqualTo(NO_DATA);
        // no baseline: judged as value / target
        assertThat(ProgressRules.status(Direction.INCREASE, n("190"), n("200"), Optional.empty(), Optional.empty()))
                .isEqualTo(ON_TRACK);
        assertThat(ProgressRules.share(new BigDecimal("190"), new BigDecimal("200"), Optional.empty())).isEmpty();
    }

    @Test
    void increaseStatusByShareOfTheWay() {
        Optional<BigDecimal> baseline = n("100");
        Optional<BigDecimal> finalTarget = n("300");
        assertThat(ProgressRules.status(Direction.INCREASE, n("196"), n("200"), baseline, finalTarget)).isEqualTo(ON_TRACK);
        assertThat(ProgressRules.status(Direction.INCREASE, n("195"), n("200"), baseline, finalTarget)).isEqualTo(ON_TRACK);
        assertThat(ProgressRules.status(Direction.INCREASE, n("180"), n("200"), baseline, finalTarget)).isEqualTo(AT_RISK);
        assertThat(ProgressRules.status(Direction.INCREASE, n("179"), n("200"), baseline, finalTarget)).isEqualTo(OFF_TRACK);
        assertThat(ProgressRules.status(Direction.INCREASE, Optional.empty(), n("200"), baseline, finalTarget)).isEqualTo(NO_DATA);
    }

    @Test
    void aFinalTargetAlreadyPassedIsAchieved() {
        assertThat(ProgressRules.status(Direction.INCREASE, n("310"), n("200"), n("100"), n("300"))).isEqualTo(ACHIEVED);
        assertThat(ProgressRules.status(Direction.DECREASE, n("9"), n("15"), n("30"), n("10"))).isEqualTo(ACHIEVED);
    }

    @Test
    void decreaseIndicatorsProgressDownwards() {
        // dropout from 30 % toward 10 %; this period's target is 20 %
        Optional<BigDecimal> baseline = n("30");
        assertThat(ProgressRules.status(Direction.DECREASE, n("20.4"), n("20"), baseline, n("10"))).isEqualTo(ON_TRACK);
        assertThat(ProgressRules.status(Direction.DECREASE, n("21.5"), n("20"), baseline, n("10"))).isEqualTo(AT_RISK);
        assertThat(ProgressRules.status(Direction.DECREASE, n("25"), n("20"), baseline, n("10"))).isEqualTo(OFF_TRACK);
        assertThat(ProgressRules.share(new BigDecimal("25"), new BigDecimal("20"), baseline)).contains(new BigDecimal("0.5"));
    }

    @Test
    void maintainIndicatorsStayNearTheirTarget() {
        assertThat(ProgressRules.status(Direction.MAINTAIN, n("104"), n("100"), Optional.empty(), n("100"))).isEqualTo(ON_TRACK);
        assertThat(ProgressRules.status(Direction.MAINTAIN, n("92"), n("100"), Optional.empty(), n("100"))).isEqualTo(AT_RISK);
        assertThat(ProgressRules.status(Direction.MAINTAIN, n("120"), n("100"), Optional.empty(), n("100"))).isEqualTo(OFF_TRACK);
    }

    @Test
    void trendIsDirectionAware() {
        assertThat(ProgressRules.trend(Direction.INCREASE, n("12"), n("10"), Optional.empty()).orElseThrow())
                .isEqualTo(new ProgressRules.Trend(new BigDecimal("2"), ProgressRules.Movement.UP, true));
        assertThat(ProgressRules.trend(Direction.DECREASE, n("12"), n("10"), Optional.empty()).orElseThrow().improving())
                .isFalse();
        assertThat(ProgressRules.trend(Direction.MAINTAIN, n("101"), n("95"), n("100")).orElseThrow().improving()).isTrue();
        assertThat(ProgressRules.trend(Direction.INCREASE, n("12"), Optional.empty(), Optional.empty())).isEmpty();
    }
}
