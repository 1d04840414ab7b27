package org.backbone.communication.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.backbone.communication.domain.mail.DigestSchedule;
import org.backbone.communication.domain.mail.DigestSchedule.Frequency;
import org.junit.jupiter.api.Test;

/** When digests go out, as plain code: the person's hour in their zone, across days, weeks and clock changes. */
class DigestScheduleTest {

    private final DigestSchedule israel = new DigestSchedule(ZoneId.of("Asia/Jerusalem"), 8, DayOfWeek.SUNDAY);

    @Test
    void aDailyDigestGoesOutAtTheNextHourInThePersonsZone() {
        // 07:59 in Jerusalem (UTC+2 in December): out at 08:00 the same day
        assertThat(israel.nextAfter(Instant.parse("2026-12-03T05:59:00Z"), Frequency.DAILY))
                .isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
        // at 08:00 exactly, or after: tomorrow
        assertThat(israel.nextAfter(Instant.parse("2026-12-03T06:00:00Z"), Frequency.DAILY))
                .isEqualTo(Instant.parse("2026-12-04T06:00:00Z"));
        assertThat(israel.nextAfter(Instant.parse("2026-12-03T21:30:00Z"), Frequency.DAILY))
                .isEqualTo(Instant.parse("2026-12-04T06:00:00Z"));
        // in summer Israel is UTC+3
        assertThat(israel.nextAfter(Instant.parse("2026-07-01T12:00:00Z"), Frequency.DAILY))
                .isEqualTo(Instant.parse("2026-07-02T05:00:00Z"));
    }

    @Test
    void aWeeklyDigestGoesOutOnThePersonsDay() {
        // Thursday 3 December 2026: out on Sunday the 6th
        assertThat(israel.nextAfter(Instant.parse("2026-12-03T10:00:00Z"), Frequency.WEEKLY))
                .isEqualTo(Instant.parse("2026-12-06T06:00:00Z"));
        // on Sunday before the hour: that day; after it: the next Sunday
        assertThat(israel.nextAfter(Instant.parse("2026-12-06T05:00:00Z"), Frequency.WEEKLY))
                .isEqualTo(Instant.parse("2026-12-06T06:00:00Z"));
        assertThat(israel.nextAfter(Instant.parse("2026-12-06T07:00:00Z"), Frequency.WEEKLY))
                .isEqualTo(Instant.parse("2026-12-13T06:00:00Z"));
    }

    @Test
    void anHourThatDoesNotExistOnTheDayTheClocksGoForwardIsTheFirstInstantAfterIt() {
        // New York, 8 March 2026: 02:00 becomes 03:00 (EDT, UTC-4)
        DigestSchedule newYork = new DigestSchedule(ZoneId.of("America/New_York"), 2, DayOfWeek.MONDAY);
        assertThat(newYork.nextAfter(Instant.parse("2026-03-08T05:00:00Z"), Frequency.DAILY))
                .isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void aDigestIsDueOnceItsTimeHasComeAfterItsOldestNotification() {
        Instant oldest = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(israel.due(oldest, Frequency.DAILY, Instant.parse("2026-12-04T05:59:59Z"))).isFalse();
        assertThat(israel.due(oldest, Frequency.DAILY, Instant.parse("2026-12-04T06:00:00Z"))).isTrue();
        assertThat(israel.due(oldest, Frequency.WEEKLY, Instant.parse("2026-12-04T06:00:00Z"))).isFalse();
        assertThat(israel.due(oldest, Frequency.WEEKLY, Instant.parse("2026-12-06T06:00:00Z"))).isTrue();
    }

    @Test
    void anHourOutsideTheDayIsRefused() {
        assertThatThrownBy(() -> new DigestSchedule(ZoneId.of("UTC"), 24, DayOfWeek.MONDAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
