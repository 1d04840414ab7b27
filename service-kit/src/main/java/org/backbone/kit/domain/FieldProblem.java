package org.backbone.kit.domain;

/**
 * What is wrong with one field ({@code goals[3].parentId}) and why: the one type domain rules
 * return and problem details list. Plain Java, so that {@code domain} packages may use it.
 *
 * @param kind whether the field is wrong in itself, or right but in conflict with the state of
 *             what it addresses (a locked period, an open proposal); callers decide by the kind,
 *             never by the message
 */
public record FieldProblem(String field, String message, Kind kind) {

    public enum Kind {
        /** The value breaks a rule; sending it again cannot succeed (422). */
        INVALID,
        /** The value is fine but what it addresses is in a state that refuses it (409). */
        CONFLICT
    }

    public FieldProblem {
        if (kind == null) {
            kind = Kind.INVALID;
        }
    }

    public FieldProblem(String field, String message) {
        this(field, message, Kind.INVALID);
    }

    public static FieldProblem conflict(String field, String message) {
        return new FieldProblem(field, message, Kind.CONFLICT);
    }
}
