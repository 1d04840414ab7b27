package org.backbone.communication.domain.mail;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a person's digests go out: daily at {@code hour} in their time zone, weekly on {@code weeklyDay}
 * at that hour. A digest is due once the first such moment after its oldest notification has passed,
 * so nothing waits longer than a day (a week), and a notification written just before the hour goes in
 * that digest. Across a daylight-saving gap the hour is the first valid instant after it.
 */
public record DigestSchedule(ZoneId zone, int hour, DayOfWeek weeklyDay) {

    /** Israel's working week begins on Sunday; a TOP15 partner reads the week's digest then, at 08:00. */
    public static final DigestSchedule DEFAULT = new DigestSchedule(ZoneId.of("Asia/Jerusalem"), 8, DayOfWeek.SUNDAY);

    public DigestSchedule {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23");
        }
    }

    public enum Frequency { DAILY, WEEKLY }

    /** The first send time strictly after {@code since}. */
    public Instant nextAfter(Instant since, Frequency frequency) {
        ZonedDateTime local = since.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (frequency == Frequency.WEEKLY) {
            day = day.with(TemporalAdjusters.nextOrSame(weeklyDay));
        }
        Instant candidate = at(day);
        if (!candidate.isAfter(since)) {
            candidate = at(frequency == Frequency.DAILY ? day.plusDays(1) : day.plusWeeks(1));
        }
        return candidate;
    }

    /** Whether a digest whose oldest notification is from {@code oldest} is due at {@code now}. */
    public boolean due(Instant oldest, Frequency frequency, Instant now) {
        return !nextAfter(oldest, frequency).isAfter(now);
    }

    private Instant at(LocalDate day) {
        // atZone moves a time inside a daylight-saving gap forward by the gap's length
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }
}
