package dev.chipflow.scenarios;

import java.util.List;

/**
 * A named policy sweep: one knob of a base scenario set to each of a list of values ({@code chipflow sweep NAME}).
 *
 * @param name        e.g. {@code cap-ratio}
 * @param description one line for {@code chipflow list}
 * @param base        the name of the scenario swept
 * @param knob        the knob's documented name, set with {@link dev.chipflow.supply.Knobs#set}
 * @param axisLabel   what the values mean, with the unit, for charts and tables
 * @param values      the points of the sweep, in order
 */
public record PolicySweep(String name, String description, String base, String knob, String axisLabel,
        List<Value> values) {

    /**
     * Copies the list.
     *
     * @param name e.g. {@code cap-ratio}
     * @param description one line for {@code chipflow list}
     * @param base the name of the scenario swept
     * @param knob the knob's documented name, set with {@link dev.chipflow.supply.Knobs#set}
     * @param axisLabel what the values mean, with the unit, for charts and tables
     * @param values the points of the sweep, in order
     */
    public PolicySweep {
        values = List.copyOf(values);
    }

    /**
     * One point of a sweep.
     *
     * @param label     how the point is shown (e.g. {@code Q3}, {@code 30})
     * @param knobValue the text given to the knob (e.g. {@code 2026-07-01})
     */
    public record Value(String label, String knobValue) {
    }

    /** @return the points whose label is the knob's own value text */
    static List<Value> plain(String... values) {
        return java.util.Arrays.stream(values).map(v -> new Value(v, v)).toList();
    }
}
