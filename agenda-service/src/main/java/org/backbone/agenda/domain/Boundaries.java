package org.backbone.agenda.domain;

import java.time.LocalDate;
import java.util.List;
import org.backbone.kit.domain.FieldProblem;

/** What the initiative does and does not take on: where, for whom, when, and what is in or out of scope. */
public record Boundaries(List<String> geography, String population, LocalDate timeframeFrom, LocalDate timeframeTo,
        List<String> inScope, List<String> outOfScope) {

    public static Boundaries none() {
        return new Boundaries(List.of(), null, null, null, List.of(), List.of());
    }

    /** The rules these boundaries break: the timeframe must not end before it starts. */
    public List<FieldProblem> problems(String field) {
        if (timeframeFrom != null && timeframeTo != null && timeframeFrom.isAfter(timeframeTo)) {
            return List.of(new FieldProblem(field + ".timeframeTo", "must not be before timeframeFrom"));
        }
        return List.of();
    }
}
