package org.backbone.activity.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** A span of whole days, both ends included. */
public record Span(LocalDate start, LocalDate end) {

    public Span {
        if (start == null || end == null || end.isBefore(start)) {
            throw new IllegalArgumentException("a span needs a start and an end not before it: " + start + ".." + end);
        }
    }

    /** An activity's span: the actual dates where known, else the planned ones (an end before the start counts as the start). */
    public static Span of(LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd) {
        LocalDate start = actualStart != null ? actualStart : plannedStart;
        LocalDate end = actualEnd != null ? actualEnd : plannedEnd;
        return new Span(start, end.isBefore(start) ? start : end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The days both spans share, if any. */
    public Optional<Span> intersection(Span other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate to = end.isBefore(other.end) ? end : other.end;
        return to.isBefore(from) ? Optional.empty() : Optional.of(new Span(from, to));
    }

    public long overlapDays(Span other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate to = end.isBefore(other.end) ? end : other.end;
        return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
