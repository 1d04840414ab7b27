package org.backbone.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import org.backbone.contracts.measurement.Periodicity;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesEveryPeriodicityAndItsBounds() {
        assertThat(Period.parse("2026", Periodicity.YEARLY, null)).get()
                .extracting(Period::start, Period::end).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(Period.parse("2026Q2", Periodicity.QUARTERLY, null)).get()
                .extracting(Period::start, Period::end).containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
        assertThat(Period.parse("202602", Periodicity.MONTHLY, null)).get()
                .extracting(Period::end).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Period.parse("2026W1", Periodicity.WEEKLY, null)).get()
                .extracting(Period::start).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.parse("2025Sep", Periodicity.SCHOOL_YEAR, Month.SEPTEMBER)).get()
                .extracting(Period::start, Period::end).containsExactly(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31));
        assertThat(Period.parse("2025April", Periodicity.SCHOOL_YEAR, Month.APRIL)).isPresent();
    }

    @Test
    void findsThePeriodADayFallsIn() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        assertThat(Period.containing(day, Periodicity.YEARLY, null).code()).isEqualTo("2026");
        assertThat(Period.containing(day, Periodicity.QUARTERLY, null).code()).isEqualTo("2026Q4");
        assertThat(Period.containing(day, Periodicity.MONTHLY, null).code()).isEqualTo("202612");
        assertThat(Period.containing(day, Periodicity.WEEKLY, null).code()).isEqualTo("2026W49");
        assertThat(Period.containing(day, Periodicity.SCHOOL_YEAR, null).code()).isEqualTo("2026Sep");
        assertThat(Period.containing(LocalDate.of(2026, 8, 31), Periodicity.SCHOOL_YEAR, Month.SEPTEMBER).code()).isEqualTo("2025Sep");
        assertThat(Period.containing(LocalDate.of(2026, 3, 31), Periodicity.SCHOOL_YEAR, Month.APRIL).code()).isEqualTo("2025April");
        // the ISO week of 1 January 2027 belongs to 2026
        assertThat(Period.containing(LocalDate.of(2027, 1, 1), Periodicity.WEEKLY, null).code()).isEqualTo("2026W53");
        Period month = Period.containing(day, Periodicity.MONTHLY, null);
        assertThat(month.start()).isBeforeOrEqualTo(day);
        assertThat(month.end()).isAfterOrEqualTo(day);
    }

    @Test
    void refusesCodesOfAnotherPeriodicityOrImpossiblePeriods() {
        assertThat(Period.parse("2026Q1", Periodicity.MONTHLY, null)).isEmpty();
        assertThat(Period.parse("2026Q5", Periodicity.QUARTERLY, null)).isEmpty();
        assertThat(Period.parse("202613", Periodicity.MONTHLY, null)).isEmpty();
        assertThat(Period.parse("2025Sep", Periodicity.SCHOOL_YEAR, Month.OCTOBER)).isEmpty();
        assertThat(Period.parse("2026W53", Periodicity.WEEKLY, null)).as("2026 has 53 ISO weeks").isPresent();
        assertThat(Period.parse("2025W53", Periodicity.WEEKLY, null)).as("2025 has 52").isEmpty();
        assertThat(Period.parse("26", Periodicity.YEARLY, null)).isEmpty();
        assertThat(Period.parse(null, Periodicity.YEARLY, null)).isEmpty();
    }

    @Test
    void stepsForwardAndBack() {
        assertThat(Period.parse("2026Q4", Periodicity.QUARTERLY, null).orElseThrow().next().code()).isEqualTo("2027Q1");
        assertThat(Period.parse("202601", Periodicity.MONTHLY, null).orElseThrow().previous().code()).isEqualTo("202512");
        assertThat(Period.parse("2026W1", Periodicity.WEEKLY, null).orElseThrow().previous().code()).isEqualTo("2025W52");
        assertThat(Period.parse("2025Sep", Periodicity.SCHOOL_YEAR, Month.SEPTEMBER).orElseThrow().next().code())
                .isEqualTo("2026Sep");
    }
}
