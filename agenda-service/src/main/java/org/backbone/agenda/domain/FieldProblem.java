package org.backbone.agenda.domain;

/** A domain rule a field breaks: which field (e.g. {@code goals[3].parentId}) and why. */
public record FieldProblem(String field, String message) {
}
