package org.backbone.communication.domain.report;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.kit.domain.Period;

/**
 * Who owes which report: for each of an indicator's last few ended periods, every reporter that was a
 * partner when the period ended and has given no value for it. Such a report is DUE from the day after
 * the period ends until the grace is over, then OVERDUE. Each reminder is sent once per stage; a
 * period older than {@link #LOOKBACK} periods is not chased any more, and neither is one that ended
 * before the indicator existed.
 */
public final class ReportDuties {

    /** Ended periods looked at, newest first: partners are reminded of a quarter, not of every week since 2019. */
    public static final int LOOKBACK = 3;

    /** How late a report may come after its period ends when the initiative set nothing. */
    public static final int DEFAULT_GRACE_DAYS = 14;

    public enum Stage { DUE, OVERDUE }

    /** An indicator as the reminders see it; {@code since} the day it was defined. */
    public record Indicator(UUID initiative, UUID id, String name, Periodicity periodicity, Month schoolYearStart,
            LocalDate since, Set<UUID> reporters) {
    }

    /** One reminder to send. */
    public record Reminder(Stage stage, UUID indicator, String indicatorName, String period, UUID organisation,
            LocalDate periodEnd, LocalDate dueBy) {
    }

    /** What is known of reports: received ones, reminders sent, and when each partner joined (current partners only). */
    public interface Known {
        boolean received(UUID indicator, String period, UUID organisation);

        boolean reminded(UUID indicator, String period, UUID organisation, Stage stage);
    }

    private ReportDuties() {
    }

    /**
     * The reminders due on {@code today}.
     *
     * @param partners the initiative's current partners and the day each joined
     */
    public static List<Reminder> due(Indicator indicator, Map<UUID, LocalDate> partners, LocalDate today, int graceDays,
            Known known) {
        List<Reminder> reminders = new ArrayList<>();
        Period period = Period.containing(today, indicator.periodicity(), indicator.schoolYearStart()).previous();
        for (int i = 0; i < LOOKBACK && !period.end().isBefore(indicator.since()); i++, period = period.previous()) {
            LocalDate dueBy = period.end().plusDays(graceDays);
            Stage stage = today.isAfter(dueBy) ? Stage.OVERDUE : Stage.DUE;
            for (var partner : partners.entrySet()) {
                UUID organisation = partner.getKey();
                boolean reporter = indicator.reporters().isEmpty() || indicator.reporters().contains(organisation);
                boolean partnerThen = !partner.getValue().isAfter(period.end());
                if (reporter && partnerThen && !known.received(indicator.id(), period.code(), organisation)
                        && !known.reminded(indicator.id(), period.code(), organisation, stage)) {
                    reminders.add(new Reminder(stage, indicator.id(), indicator.name(), period.code(), organisation, period.end(),
                            dueBy));
                }
            }
        }
        return reminders;
    }
}
