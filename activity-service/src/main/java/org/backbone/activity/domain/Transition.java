package org.backbone.activity.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.backbone.kit.domain.FieldProblem;

/**
 * A status move and what it needs: ONGOING an actual start, SUSPENDED and CANCELLED a reason,
 * COMPLETED an actual end not before the start. An illegal move is a conflict naming the allowed ones.
 */
public record Transition(ActivityStatus to, String reason, LocalDate actualStart, LocalDate actualEnd) {

    public List<FieldProblem> problems(ActivityStatus from, LocalDate knownStart) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!from.mayMoveTo(to)) {
            problems.add(FieldProblem.conflict("status", "an activity " + from + " may move to "
                    + (from.next().isEmpty() ? "no other status" : from.next().toString()) + ", not " + to));
            return problems;
        }
        LocalDate start = actualStart != null ? actualStart : knownStart;
        boolean noReason = reason == null || reason.isBlank();
        switch (to) {
            case ONGOING -> {
                if (start == null) {
                    problems.add(new FieldProblem("actualStart", "is needed to start an activity"));
                }
            }
            case SUSPENDED, CANCELLED -> {
                if (noReason) {
                    problems.add(new FieldProblem("reason", "is needed to move an activity to " + to));
                }
            }
            case COMPLETED -> {
                if (actualEnd == null) {
                    problems.add(new FieldProblem("actualEnd", "is needed to complete an activity"));
                } else if (start != null && actualEnd.isBefore(start)) {
                    problems.add(new FieldProblem("actualEnd", "is before the actual start " + start));
                }
            }
            default -> {
            }
        }
        return problems;
    }
}
