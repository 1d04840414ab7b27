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
        return intersection(other).map(Span::days).orElse(0L);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
