package org.backbone.communication.domain.meeting;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.backbone.kit.domain.FieldProblem;

/**
 * When a meeting is: a local start and end in an IANA time zone (what people agree on — "10:00 in
 * Jerusalem" — and what survives a change of daylight-saving rules), at most a day long.
 */
public record MeetingTimes(LocalDateTime startsAt, LocalDateTime endsAt, String timeZone) {

    public static final Duration LONGEST = Duration.ofHours(24);

    /** Why these are no meeting's times; empty when they are. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId zone = zoneOrNull(timeZone);
        if (zone == null) {
            problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as Asia/Jerusalem"));
            return problems;
        }
        if (!endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        } else if (Duration.between(start(), end()).compareTo(LONGEST) > 0) {
            problems.add(new FieldProblem("endsAt", "a meeting lasts at most 24 hours"));
        }
        return problems;
    }

    public ZonedDateTime start() {
        return startsAt.atZone(ZoneId.of(timeZone));
    }

    public ZonedDateTime end() {
        return endsAt.atZone(ZoneId.of(timeZone));
    }

    private static ZoneId zoneOrNull(String zone) {
        if (zone == null || !zone.contains("/") && !zone.equals("UTC")) {
            return null; // offsets like +02:00 are no place's time: they break on the next daylight-saving change
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
