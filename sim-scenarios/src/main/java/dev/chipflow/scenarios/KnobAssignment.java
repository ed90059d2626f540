package dev.chipflow.scenarios;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One {@code knob = value} to apply to a scenario, or, with a date, {@code knob @ date = value}: a change of the rule
 * from that date (a {@link dev.chipflow.supply.PolicyChange}). Remembers where it was written so that an error can
 * point there.
 *
 * @param knob   the knob's documented name, e.g. {@code cap.ratio} or {@code firm.ByteDance.orders}
 * @param date   the first day of the new value, or null for the whole run
 * @param value  its value as text
 * @param origin where it came from, e.g. {@code tighter-cap.scenario:7}; null for the command line
 */
public record KnobAssignment(String knob, LocalDate date, String value, String origin) {

    /**
     * Validates presence.
     *
     * @param knob the knob's documented name, e.g. {@code cap.ratio} or {@code firm.ByteDance.orders}
     * @param date the first day of the new value, or null for the whole run
     * @param value its value as text
     * @param origin where it came from, e.g. {@code tighter-cap.scenario:7}; null for the command line
     */
    public KnobAssignment {
        if (knob == null || value == null) {
            throw new IllegalArgumentException("a knob assignment needs a knob and a value");
        }
    }

    /**
     * An assignment for the whole run.
     *
     * @param knob   the knob's name
     * @param value  its value
     * @param origin where it came from, or null
     */
    public KnobAssignment(String knob, String value, String origin) {
        this(knob, null, value, origin);
    }

    /** @return {@code knob}, or {@code knob@date} for a dated change: what may be set only once */
    public String label() {
        return date == null ? knob : knob + "@" + date;
    }

    /**
     * Reads {@code knob=value} or {@code knob@YYYY-MM-DD=value} (as given to {@code --set}).
     *
     * @param text e.g. {@code cap.ratio=0.25} or {@code cap.ratio@2026-09-01=0.25}
     * @return the assignment, origin null
     * @throws ScenarioException if the text has no '=', no knob name or a date that is not one
     */
    public static KnobAssignment parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || text.substring(0, eq).isBlank()) {
            throw new ScenarioException("--set '" + text + "' is not of the form knob=value or knob@YYYY-MM-DD=value "
                    + "(e.g. --set cap.ratio=0.25, --set cap.ratio@2026-09-01=0.25)");
        }
        String[] name = splitDate(text.substring(0, eq), "--set '" + text + "'");
        return new KnobAssignment(name[0], date(name[1], "--set '" + text + "'"), text.substring(eq + 1).trim(), null);
    }

    /**
     * Splits {@code knob @ date} into its knob and date text (null when there is no '@').
     *
     * @param left  the text left of '='
     * @param where for messages
     * @return {knob, date text or null}
     */
    public static String[] splitDate(String left, String where) {
        int at = left.indexOf('@');
        if (at < 0) {
            return new String[] {left.trim(), null};
        }
        String knob = left.substring(0, at).trim();
        if (knob.isEmpty()) {
            throw new ScenarioException(where + ": no knob name before '@'");
        }
        return new String[] {knob, left.substring(at + 1).trim()};
    }

    /**
     * @param text  a date as written, or null
     * @param where for messages
     * @return the date, or null for null text
     */
    public static LocalDate date(String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ScenarioException(where + ": '" + text + "' after '@' is not a date YYYY-MM-DD (a change "
                    + "from a date is written knob@YYYY-MM-DD=value)");
        }
    }
}
