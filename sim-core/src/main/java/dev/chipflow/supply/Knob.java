package dev.chipflow.supply;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One documented knob of a scenario: its name (as used by {@code --set} and scenario files), unit, the range it allows
 * (anything else is refused), the range docs/calibration.md calibrates it over, its source and how far to trust it.
 *
 * @param name        e.g. {@code cap.ratio}
 * @param unit        e.g. {@code units/week}
 * @param description one sentence
 * @param allowed     what validation accepts
 * @param calibrated  the range docs/calibration.md gives for sweeps, or "-"
 * @param source      where the default comes from
 * @param trust       H, M, L or assumption
 * @param getter      the knob's value in a scenario, as text that {@code setter} reads back
 * @param setter      reads text into a builder; throws {@link InvalidKnobException} on bad text
 * @param onChange    what a change of the knob from a date does to a run, or, starting "fixed: ", why it cannot
 *                    change mid-run
 */
public record Knob(String name, String unit, String description, String allowed, String calibrated, String source,
        String trust, Function<Scenario, String> getter, BiFunction<Scenario.Builder, String, Scenario.Builder> setter,
        String onChange) {

    /** How {@link #onChange} starts for a knob that cannot change mid-run; the reason follows. */
    static final String FIXED = "fixed: ";

    /** @return whether the knob can take a new value from a date ({@code --set knob@date=value}) */
    public boolean changesMidRun() {
        return !onChange.startsWith(FIXED);
    }

    /**
     * @return why the knob cannot change mid-run: {@link #onChange} without its {@code "fixed: "} prefix
     * @throws IllegalStateException if the knob can change mid-run
     */
    public String whyFixed() {
        if (changesMidRun()) {
            throw new IllegalStateException(name + " can change mid-run");
        }
        return onChange.substring(FIXED.length());
    }

    /** @return whether the default has no public source */
    public boolean isAssumption() {
        return trust.equalsIgnoreCase("assumption");
    }

    /**
     * @param s a scenario
     * @return the knob's value in {@code s}, as text
     */
    public String get(Scenario s) {
        return getter.apply(s);
    }

    /**
     * @param s     a scenario
     * @param value the new value, as text
     * @return a copy of {@code s} with this knob set
     * @throws InvalidKnobException naming this knob, the value and what is allowed
     */
    public Scenario set(Scenario s, String value) {
        try {
            return setter.apply(s.toBuilder(), value.trim()).build();
        } catch (InvalidKnobException e) {
            if (e.knob().equals(name)) {
                // Quote the value as the user wrote it (1e308, not 1.0E308).
                throw new InvalidKnobException(name, value, e.allowed());
            }
            // The value conflicts with another knob: name the one the user set, then the conflict.
            throw new InvalidKnobException(name, value, "a value consistent with the rest of the scenario; with it, "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidKnobException(name, value, allowed + " (" + e.getMessage() + ")");
        }
    }
}
