package org.backbone.activity.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Findings about one activity on its own, apart from coverage:
 * <ul>
 *   <li>{@code ORPHANED}: none of its goals is active any more (a newer ratified agenda retired them);</li>
 *   <li>{@code STALE}: PLANNED more than 30 days past its planned start, ONGOING past its planned end, or
 *   ONGOING with no reach report for the last two ended reporting periods;</li>
 *   <li>{@code PARTNER_LEFT}: ONGOING or PLANNED while an implementing organisation has left the initiative.</li>
 * </ul>
 */
public final class ActivityFindings {

    /** Days past the planned start after which a PLANNED activity is stale. */
    public static final int PLANNED_GRACE_DAYS = 30;
    /** Ended reporting periods in a row without a reach report after which an ONGOING activity is stale. */
    public static final int UNREPORTED_PERIODS = 2;

    private ActivityFindings() {
    }

    public enum Kind { ORPHANED, STALE, PARTNER_LEFT }

    /** What these findings need to know of an activity. */
    public record Facts(ActivityStatus status, Set<UUID> goals, Set<UUID> implementers, LocalDate plannedStart,
            LocalDate plannedEnd, int endedPeriodsWithoutReport) {
    }

    public static List<Kind> of(Facts activity, Set<UUID> activeGoals, Set<UUID> currentMembers, LocalDate today) {
        List<Kind> findings = new ArrayList<>();
        boolean live = activity.status() == ActivityStatus.PLANNED || activity.status() == ActivityStatus.ONGOING
                || activity.status() == ActivityStatus.SUSPENDED;
        if (live && !activity.goals().isEmpty() && activity.goals().stream().noneMatch(activeGoals::contains)) {
            findings.add(Kind.ORPHANED);
        }
        boolean stale = switch (activity.status()) {
            case PLANNED -> activity.plannedStart() != null
                    && today.isAfter(activity.plannedStart().plusDays(PLANNED_GRACE_DAYS));
            case ONGOING -> activity.plannedEnd() != null && today.isAfter(activity.plannedEnd())
                    || activity.endedPeriodsWithoutReport() >= UNREPORTED_PERIODS;
            default -> false;
        };
        if (stale) {
            findings.add(Kind.STALE);
        }
        if ((activity.status() == ActivityStatus.ONGOING || activity.status() == ActivityStatus.PLANNED)
                && activity.implementers().stream().anyMatch(o -> !currentMembers.contains(o))) {
            findings.add(Kind.PARTNER_LEFT);
        }
        return findings;
    }
}
