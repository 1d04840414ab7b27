package org.backbone.measurement.domain;

/** A rule a submitted field breaks: which field and why. */
public record FieldProblem(String field, String message) {
}
