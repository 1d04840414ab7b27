package org.backbone.activity.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.Period;

/**
 * Reach reports: what an activity reached, per calendar quarter, by target group and location — its
 * outputs, not the initiative's outcomes. A quarter is DUE from the day it ends, for every quarter the
 * activity ran in (from its actual start to its actual end, or to today); a report is SUBMITTED, then
 * ACCEPTED or SENT_BACK by staff, and a sent-back or not yet reviewed report may be submitted again.
 */
public final class ReachReports {

    /** The largest count one line may report: more people than live in the country is a typing error. */
    public static final long MAX_REACHED = 100_000_000L;

    private ReachReports() {
    }

    public enum Status { SUBMITTED, ACCEPTED, SENT_BACK }

    public record Line(String targetGroup, String location, long reached) {
    }

    /** What the rules need to know of the activity reported on. */
    public record Subject(ActivityStatus status, LocalDate actualStart, LocalDate actualEnd, Set<String> targetGroups,
            Set<String> locations) {
    }

    /** The quarter {@code code} names, if it names one. */
    public static Optional<Period> quarter(String code) {
        return Period.parse(code, Periodicity.QUARTERLY, Month.JANUARY);
    }

    /** Why a report of {@code lines} for {@code period} on {@code subject} cannot be taken; empty when it can. */
    public static List<FieldProblem> problems(String period, List<Line> lines, Subject subject, CodeTree groups,
            CodeTree locations, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (subject.status() == ActivityStatus.PLANNED || subject.status() == ActivityStatus.CANCELLED
                || subject.actualStart() == null) {
            problems.add(FieldProblem.conflict("status", "reach is reported for activities that have started; this one is "
                    + subject.status()));
        }
        Optional<Period> quarter = quarter(period);
        if (quarter.isEmpty()) {
            problems.add(new FieldProblem("period", "must be a calendar quarter such as 2026Q1"));
        } else if (quarter.get().start().isAfter(today)) {
            problems.add(new FieldProblem("period", "has not begun"));
        } else if (subject.actualStart() != null) {
            LocalDate end = subject.actualEnd() != null ? subject.actualEnd() : today;
            Span ran = new Span(subject.actualStart(), end.isBefore(subject.actualStart()) ? subject.actualStart() : end);
            if (ran.overlapDays(new Span(quarter.get().start(), quarter.get().end())) == 0) {
                problems.add(new FieldProblem("period", "lies outside the activity's actual dates"));
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            if (!groups.contains(line.targetGroup())) {
                problems.add(new FieldProblem(at + ".targetGroup", "is not a code of the target-group vocabulary"));
            } else if (subject.targetGroups().stream().noneMatch(g -> groups.related(g, line.targetGroup()))) {
                problems.add(new FieldProblem(at + ".targetGroup", "is not a group the activity serves"));
            }
            if (!locations.contains(line.location())) {
                problems.add(new FieldProblem(at + ".location", "is not a code of the location vocabulary"));
            } else if (subject.locations().stream().noneMatch(l -> locations.isWithin(line.location(), l))) {
                problems.add(new FieldProblem(at + ".location", "is not a place of the activity, nor inside one"));
            }
            if (line.reached() < 0 || line.reached() > MAX_REACHED) {
                problems.add(new FieldProblem(at + ".reached", "must be between 0 and " + MAX_REACHED));
            }
            if (!seen.add(line.targetGroup() + "\n" + line.location())) {
                problems.add(new FieldProblem(at, "repeats a target group and location of an earlier line"));
            }
        }
        return problems;
    }

    /** The quarters due from an activity that ran from {@code start} to {@code end} (null: still running), oldest first. */
    public static List<Period> due(LocalDate start, LocalDate end, LocalDate today) {
        List<Period> due = new ArrayList<>();
        if (start == null) {
            return due;
        }
        LocalDate last = end != null && end.isBefore(today) ? end : today;
        for (Period q = containing(start); !q.start().isAfter(last) && q.end().isBefore(today); q = q.next()) {
            due.add(q);
        }
        return due;
    }

    /** How many of the latest due quarters, in a row, have no submitted or accepted report. */
    public static int unreportedInARow(List<Period> due, Set<String> reported) {
        int missing = 0;
        for (int i = due.size() - 1; i >= 0 && !reported.contains(due.get(i).code()); i--) {
            missing++;
        }
        return missing;
    }

    private static Period containing(LocalDate day) {
        return quarter(day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1)).orElseThrow();
    }
}
