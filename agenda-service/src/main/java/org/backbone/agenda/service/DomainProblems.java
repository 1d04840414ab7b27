package org.backbone.agenda.service;

import java.util.List;
import org.backbone.agenda.domain.FieldProblem;
import org.backbone.kit.problem.Problem;
import org.backbone.kit.problem.ProblemException;

/** Domain rule violations as the API's validation problem (422 with each field and reason). */
final class DomainProblems {

    private DomainProblems() {
    }

    static ProblemException invalid(List<FieldProblem> problems) {
        return ProblemException.invalid(problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
    }
}
