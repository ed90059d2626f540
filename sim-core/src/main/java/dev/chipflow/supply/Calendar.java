package dev.chipflow.supply;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Dates at the edges, days inside: day 0 is 2026-01-01 at midnight, so a date maps to the day number at its start.
 */
public final class Calendar {

    /** Day 0 of the simulated calendar. */
    public static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);

    /** The latest date a scenario may mention. */
    public static final LocalDate LAST = LocalDate.of(2035, 12, 31);

    /** Mid-year 2026: the date by which the record shows no confirmed delivery, reported by default. */
    public static final LocalDate MID_YEAR = LocalDate.of(2026, 6, 30);

    private Calendar() {
    }

    /**
     * The dates every report answers at unless told otherwise: {@link #MID_YEAR} if it falls before the run's last
     * day, then the last day.
     *
     * @param horizonEnd the run's last day
     * @return the default analysis dates, in order
     */
    public static java.util.List<LocalDate> defaultAnalysisDates(LocalDate horizonEnd) {
        return MID_YEAR.isBefore(horizonEnd) ? java.util.List.of(MID_YEAR, horizonEnd) : java.util.List.of(horizonEnd);
    }

    /**
     * @param date a date
     * @return the day number of the start of {@code date}
     */
    public static double day(LocalDate date) {
        return ChronoUnit.DAYS.between(EPOCH, date);
    }

    /**
     * @param day a day number (days since the epoch, fractional within a day)
     * @return the date containing day {@code day}
     */
    public static LocalDate date(double day) {
        return EPOCH.plusDays((long) Math.floor(day));
    }

    /** Throws unless {@code date} lies in [EPOCH, LAST]. */
    static void check(String knob, LocalDate date) {
        if (date == null || date.isBefore(EPOCH) || date.isAfter(LAST)) {
            throw new InvalidKnobException(knob, String.valueOf(date), "a date from " + EPOCH + " to " + LAST);
        }
    }
}
