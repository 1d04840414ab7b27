package org.backbone.communication.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.report.ReportDuties;
import org.backbone.communication.domain.report.ReportDuties.Reminder;
import org.backbone.communication.domain.report.ReportDuties.Stage;
import org.backbone.contracts.measurement.Periodicity;
import org.junit.jupiter.api.Test;

/** Who owes which report, as plain code. */
class ReportDutiesTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final Set<String> received = new HashSet<>();
    private final Set<String> reminded = new HashSet<>();
    private final ReportDuties.Known known = new ReportDuties.Known() {
        @Override
        public boolean received(UUID indicator, String period, UUID organisation) {
            return received.contains(period + organisation);
        }

        @Override
        public boolean reminded(UUID indicator, String period, UUID organisation, Stage stage) {
            return reminded.contains(period + organisation + stage);
        }
    };
    private final Map<UUID, LocalDate> partners = Map.of(a, LocalDate.of(2026, 1, 1), b, LocalDate.of(2026, 1, 1));

    private ReportDuties.Indicator monthly(Set<UUID> reporters, LocalDate since) {
        return new ReportDuties.Indicator(UUID.randomUUID(), UUID.randomUUID(), "Girls in robotics", Periodicity.MONTHLY, null,
                since, reporters);
    }

    @Test
    void theDayAfterAPeriodEndsItsMissingReportsAreDueUntilTheGraceEndsThenOverdue() {
        ReportDuties.Indicator indicator = monthly(Set.of(), LocalDate.of(2026, 10, 15));
        received.add("202611" + b);
        // 3 December: November ended; A has not reported, B has. October (since the 15th) is owed by both.
        List<Reminder> due = ReportDuties.due(indicator, partners, LocalDate.of(2026, 12, 3), 14, known);
        assertThat(due).extracting(Reminder::period, Reminder::organisation, Reminder::stage).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("202611", a, Stage.DUE),
                org.assertj.core.groups.Tuple.tuple("202610", a, Stage.OVERDUE),
                org.assertj.core.groups.Tuple.tuple("202610", b, Stage.OVERDUE));
        Reminder november = due.stream().filter(r -> r.period().equals("202611")).findFirst().orElseThrow();
        assertThat(november.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(november.dueBy()).isEqualTo(LocalDate.of(2026, 12, 14));
        // on the last day of the grace it is still due; the day after, overdue
        assertThat(ReportDuties.due(indicator, partners, LocalDate.of(2026, 12, 14), 14, known))
                .filteredOn(r -> r.period().equals("202611")).extracting(Reminder::stage).containsExactly(Stage.DUE);
        assertThat(ReportDuties.due(indicator, partners, LocalDate.of(2026, 12, 15), 14, known))
                .filteredOn(r -> r.period().equals("202611")).extracting(Reminder::stage).containsExactly(Stage.OVERDUE);
    }

    @Test
    void eachReminderIsSentOncePerStage() {
        ReportDuties.Indicator indicator = monthly(Set.of(a), LocalDate.of(2026, 11, 1));
        reminded.add("202611" + a + Stage.DUE);
        assertThat(ReportDuties.due(indicator, partners, LocalDate.of(2026, 12, 3), 14, known)).isEmpty();
        assertThat(ReportDuties.due(indicator, partners, LocalDate.of(2026, 12, 20), 14, known))
                .extracting(Reminder::stage).containsExactly(Stage.OVERDUE);
    }

    @Test
    void onlyTheIndicatorsReportersWhoWerePartnersWhenThePeriodEndedOweIt() {
        ReportDuties.Indicator indicator = monthly(Set.of(a, c), LocalDate.of(2026, 1, 1));
        Map<UUID, LocalDate> withLateJoiner = Map.of(a, LocalDate.of(2026, 1, 1), b, LocalDate.of(2026, 1, 1),
                c, LocalDate.of(2026, 12, 1));
        // B is no reporter; C joined after November ended; no one is chased for what ended before the indicator existed
        assertThat(ReportDuties.due(indicator, withLateJoiner, LocalDate.of(2026, 12, 3), 14, known))
                .extracting(Reminder::period, Reminder::organisation).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("202611", a), org.assertj.core.groups.Tuple.tuple("202610", a),
                        org.assertj.core.groups.Tuple.tuple("202609", a));
    }

    @Test
    void periodsBeforeTheIndicatorAndBeyondTheLookbackAreNotChased() {
        assertThat(ReportDuties.due(monthly(Set.of(), LocalDate.of(2026, 12, 1)), partners, LocalDate.of(2026, 12, 3), 14, known))
                .as("December has not ended; November ended before the indicator existed").isEmpty();
        assertThat(ReportDuties.due(monthly(Set.of(a), LocalDate.of(2020, 1, 1)), partners, LocalDate.of(2026, 12, 3), 14, known))
                .hasSize(ReportDuties.LOOKBACK);
    }

    @Test
    void aSchoolYearEndsWithItsLastMonth() {
        ReportDuties.Indicator yearly = new ReportDuties.Indicator(UUID.randomUUID(), UUID.randomUUID(), "Bagrut physics",
                Periodicity.SCHOOL_YEAR, java.time.Month.SEPTEMBER, LocalDate.of(2025, 9, 1), Set.of(a));
        assertThat(ReportDuties.due(yearly, partners, LocalDate.of(2026, 8, 31), 30, known)).isEmpty();
        assertThat(ReportDuties.due(yearly, partners, LocalDate.of(2026, 9, 1), 30, known))
                .extracting(Reminder::period, Reminder::stage, Reminder::dueBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025Sep", Stage.DUE, LocalDate.of(2026, 9, 30)));
    }
}
