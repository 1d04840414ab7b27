package org.backbone.kit.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backbone.contracts.measurement.Periodicity;

/**
 * A reporting period named by its DHIS2 code: {@code 2026} (year), {@code 2025Sep} (a school or
 * financial year starting in September 2025), {@code 2026Q1}, {@code 202603}, {@code 2026W10} (ISO week).
 *
 * @param start first day, inclusive
 * @param end last day, inclusive
 */
public record Period(String code, Periodicity periodicity, LocalDate start, LocalDate end) implements Comparable<Period> {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern YEAR_FROM_MONTH = Pattern.compile("(\\d{4})([A-Z][a-z]{2,4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(0[1-9]|1[0-2])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})W([1-9]|[1-4]\\d|5[0-3])");

    /** DHIS2 spells most months with three letters, and April and July in full. */
    private static final Map<String, Month> MONTH_CODES = Map.ofEntries(
            Map.entry("Jan", Month.JANUARY), Map.entry("Feb", Month.FEBRUARY), Map.entry("Mar", Month.MARCH),
            Map.entry("Apr", Month.APRIL), Map.entry("April", Month.APRIL), Map.entry("May", Month.MAY),
            Map.entry("Jun", Month.JUNE), Map.entry("June", Month.JUNE), Map.entry("Jul", Month.JULY),
            Map.entry("July", Month.JULY), Map.entry("Aug", Month.AUGUST), Map.entry("Sep", Month.SEPTEMBER),
            Map.entry("Oct", Month.OCTOBER), Map.entry("Nov", Month.NOVEMBER), Map.entry("Dec", Month.DECEMBER));

    /**
     * Parses {@code code} as a period of {@code periodicity}; {@code startMonth} is the first month
     * of a SCHOOL_YEAR. Empty when the code does not name such a period.
     */
    public static Optional<Period> parse(String code, Periodicity periodicity, Month startMonth) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m;
        switch (periodicity) {
            case YEARLY -> {
                if ((m = YEAR.matcher(code)).matches()) {
                    LocalDate start = LocalDate.of(year(m), 1, 1);
                    return Optional.of(new Period(code, periodicity, start, start.plusYears(1).minusDays(1)));
                }
            }
            case SCHOOL_YEAR -> {
                if ((m = YEAR_FROM_MONTH.matcher(code)).matches() && MONTH_CODES.get(m.group(2)) == startMonth) {
                    LocalDate start = LocalDate.of(year(m), startMonth, 1);
                    return Optional.of(new Period(code, periodicity, start, start.plusYears(1).minusDays(1)));
                }
            }
            case QUARTERLY -> {
                if ((m = QUARTER.matcher(code)).matches()) {
                    LocalDate start = LocalDate.of(year(m), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                    return Optional.of(new Period(code, periodicity, start, start.plusMonths(3).minusDays(1)));
                }
            }
            case MONTHLY -> {
                if ((m = MONTH.matcher(code)).matches()) {
                    LocalDate start = LocalDate.of(year(m), Integer.parseInt(m.group(2)), 1);
                    return Optional.of(new Period(code, periodicity, start, start.plusMonths(1).minusDays(1)));
                }
            }
            case WEEKLY -> {
                if ((m = WEEK.matcher(code)).matches()) {
                    int week = Integer.parseInt(m.group(2));
                    LocalDate mondayOfWeek1 = LocalDate.of(year(m), 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    LocalDate start = mondayOfWeek1.plusWeeks(week - 1L);
                    if (start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
                        return Optional.empty();
                    }
                    return Optional.of(new Period(code, periodicity, start, start.plusDays(6)));
                }
            }
        }
        return Optional.empty();
    }

    /** Parses a code of any periodicity; a SCHOOL_YEAR starts in the month its code names. */
    public static Optional<Period> parseAny(String code) {
        for (Periodicity periodicity : List.of(Periodicity.YEARLY, Periodicity.QUARTERLY, Periodicity.MONTHLY,
                Periodicity.WEEKLY)) {
            Optional<Period> period = parse(code, periodicity, null);
            if (period.isPresent()) {
                return period;
            }
        }
        Matcher m;
        if (code != null && (m = YEAR_FROM_MONTH.matcher(code)).matches() && MONTH_CODES.containsKey(m.group(2))) {
            return parse(code, Periodicity.SCHOOL_YEAR, MONTH_CODES.get(m.group(2)));
        }
        return Optional.empty();
    }

    /**
     * The period of {@code periodicity} that {@code day} falls in; {@code startMonth} is a SCHOOL_YEAR's
     * first month (September when null, as in Israel's school year).
     */
    public static Period containing(LocalDate day, Periodicity periodicity, Month startMonth) {
        Month first = startMonth == null ? Month.SEPTEMBER : startMonth;
        String code = switch (periodicity) {
            case YEARLY -> Integer.toString(day.getYear());
            case SCHOOL_YEAR -> schoolYearCode(day.getMonthValue() >= first.getValue() ? day.getYear() : day.getYear() - 1, first);
            case QUARTERLY -> day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case MONTHLY -> String.format("%d%02d", day.getYear(), day.getMonthValue());
            case WEEKLY -> day.get(IsoFields.WEEK_BASED_YEAR) + "W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        };
        return parse(code, periodicity, first).orElseThrow();
    }

    /** The code a SCHOOL_YEAR period starting in {@code month} of {@code year} has. */
    public static String schoolYearCode(int year, Month month) {
        String name = month.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
        return year + (month == Month.APRIL ? "April" : month == Month.JULY ? "July" : name);
    }

    public Period next() {
        return shifted(1);
    }

    public Period previous() {
        return shifted(-1);
    }

    /** The period {@code steps} periods later (earlier when negative). */
    public Period shifted(int steps) {
        LocalDate start = switch (periodicity) {
            case YEARLY, SCHOOL_YEAR -> this.start.plusYears(steps);
            case QUARTERLY -> this.start.plusMonths(3L * steps);
            case MONTHLY -> this.start.plusMonths(steps);
            case WEEKLY -> this.start.plusWeeks(steps);
        };
        String code = switch (periodicity) {
            case YEARLY -> Integer.toString(start.getYear());
            case SCHOOL_YEAR -> schoolYearCode(start.getYear(), start.getMonth());
            case QUARTERLY -> start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTHLY -> String.format("%d%02d", start.getYear(), start.getMonthValue());
            case WEEKLY -> start.get(IsoFields.WEEK_BASED_YEAR) + "W" + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        };
        return parse(code, periodicity, start.getMonth()).orElseThrow();
    }

    /** Days from {@code other}'s start to this period's start: the time axis for interpolation. */
    public long daysSince(Period other) {
        return ChronoUnit.DAYS.between(other.start, start);
    }

    @Override
    public int compareTo(Period other) {
        return start.compareTo(other.start);
    }

    private static int year(Matcher m) {
        return Integer.parseInt(m.group(1));
    }
}
