package dev.chipflow.supply;

import java.time.LocalDate;

/**
 * One dated change of a rule: from the start of {@code date}, knob {@code knob} takes {@code value} (written as
 * {@code --set} and scenario files write it). What the change does to units already in the pipeline is the knob's
 * {@link Knob#onChange()}. A date before the run's first day acts from day 0.
 *
 * <pre>{@code
 * new PolicyChange(LocalDate.of(2026, 9, 1), "cap.ratio", "0.25", "what-if", "assumption")
 * }</pre>
 *
 * @param date   the first day the new value holds
 * @param knob   a knob of {@link Knobs#all()} whose {@link Knob#changesMidRun()} is true
 * @param value  the new value, as text
 * @param source where the change comes from (a report and its date), or "-"
 * @param trust  H, M, L or assumption, or "-"
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record PolicyChange(LocalDate date, String knob, String value, String source, String trust) implements java.io.Serializable {

    /**
     * Validates presence; the value is checked against the knob when the scenario is built.
     *
     * @param date the first day the new value holds
     * @param knob a knob of {@link Knobs#all()} whose {@link Knob#changesMidRun()} is true
     * @param value the new value, as text
     * @param source where the change comes from (a report and its date), or "-"
     * @param trust H, M, L or assumption, or "-"
     */
    public PolicyChange {
        if (date == null || knob == null || knob.isBlank() || value == null) {
            throw new InvalidKnobException(knob == null || knob.isBlank() ? "timeline" : knob + "@" + date,
                    String.valueOf(value), "a change with a date, a knob and a value (knob@YYYY-MM-DD=value)");
        }
        knob = knob.trim();
        value = value.trim();
        source = source == null || source.isBlank() ? "-" : source.trim();
        trust = trust == null || trust.isBlank() ? "-" : trust.trim();
    }

    /**
     * A change with no source given.
     *
     * @param date  the first day the new value holds
     * @param knob  the knob
     * @param value the new value
     */
    public PolicyChange(LocalDate date, String knob, String value) {
        this(date, knob, value, "-", "-");
    }

    /** @return {@code knob@date}, the name errors and reports use */
    public String label() {
        return knob + "@" + date;
    }
}
