package dev.chipflow.supply;

import java.time.LocalDate;

/**
 * A closed range of whole dates, e.g. a customs block from 2026-01-14 to 2026-01-28: it covers days
 * [day(from), day(to) + 1).
 *
 * @param from the first date covered
 * @param to   the last date covered, not before {@code from}
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record DateWindow(LocalDate from, LocalDate to) implements java.io.Serializable {

    /**
     * Validates the order of the dates.
     *
     * @param from the first date covered
     * @param to the last date covered, not before {@code from}
     */
    public DateWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a date window needs both dates, was " + from + ".." + to);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("date window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** @return the day the window starts */
    public double startDay() {
        return Calendar.day(from);
    }

    /** @return the day after the window ends */
    public double endDay() {
        return Calendar.day(to) + 1;
    }

    /**
     * Reads {@code 2026-01-14..2026-01-28}.
     *
     * @param text two ISO dates joined by {@code ..}, both days included
     * @return the window
     */
    public static DateWindow parse(String text) {
        String[] p = text.trim().split("\\.\\.");
        if (p.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a date window FROM..TO, e.g. "
                    + "2026-01-14..2026-01-28");
        }
        return new DateWindow(Scenario.parseDate(p[0].trim()), Scenario.parseDate(p[1].trim()));
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
