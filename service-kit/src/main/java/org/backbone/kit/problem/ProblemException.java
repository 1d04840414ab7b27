package org.backbone.kit.problem;

import java.util.List;
import org.backbone.kit.domain.FieldProblem;

/** Thrown by Backbone code to answer with a problem detail; resources never build error responses by hand. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldProblem> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldProblem> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors);
    }

    /** 409 when every problem is a {@link FieldProblem.Kind#CONFLICT} with the state, else 422. */
    public static ProblemException of(List<FieldProblem> errors) {
        if (!errors.isEmpty() && errors.stream().allMatch(e -> e.kind() == FieldProblem.Kind.CONFLICT)) {
            return new ProblemException(ProblemType.CONFLICT, errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        return invalid(errors);
    }
}
