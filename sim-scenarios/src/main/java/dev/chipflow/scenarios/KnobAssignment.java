package dev.chipflow.scenarios;

/**
 * One {@code knob = value} to apply to a scenario, remembering where it was written so that an error can point there.
 *
 * @param knob   the knob's documented name, e.g. {@code cap.ratio} or {@code firm.ByteDance.orders}
 * @param value  its value as text
 * @param origin where it came from, e.g. {@code tighter-cap.scenario:7}; null for the command line
 */
public record KnobAssignment(String knob, String value, String origin) {

    /** Validates presence. */
    public KnobAssignment {
        if (knob == null || value == null) {
            throw new IllegalArgumentException("a knob assignment needs a knob and a value");
        }
    }

    /**
     * Reads {@code knob=value} (as given to {@code --set}).
     *
     * @param text e.g. {@code cap.ratio=0.25}
     * @return the assignment, origin null
     * @throws ScenarioException if the text has no '=' or no knob name
     */
    public static KnobAssignment parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || text.substring(0, eq).isBlank()) {
            throw new ScenarioException("--set '" + text + "' is not of the form knob=value (e.g. --set cap.ratio=0.25)");
        }
        return new KnobAssignment(text.substring(0, eq).trim(), text.substring(eq + 1).trim(), null);
    }
}
