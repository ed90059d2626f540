package dev.chipflow.cli;

import dev.chipflow.scenarios.KnobAssignment;
import dev.chipflow.scenarios.KnobAssignments;
import dev.chipflow.scenarios.ScenarioException;
import dev.chipflow.supply.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep runs: a base scenario, a knob and its values, and optionally a second knob for a grid.
 *
 * @param name        a name for the report
 * @param base        the scenario swept
 * @param knob        the first knob
 * @param axisLabel   what its values mean
 * @param labels      its values as shown
 * @param values      its values as given to the knob
 * @param knob2       the second knob, or null
 * @param axisLabel2  what the second knob's values mean, or null
 * @param labels2     its values as shown (empty without a grid)
 * @param values2     its values as given to the knob (empty without a grid)
 */
record SweepSpec(String name, Scenario base, String knob, String axisLabel, List<String> labels, List<String> values,
        String knob2, String axisLabel2, List<String> labels2, List<String> values2) {

    SweepSpec {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
        labels2 = List.copyOf(labels2);
        values2 = List.copyOf(values2);
    }

    /**
     * The scenario of every point, first knob outer, second inner; each checked, so that a bad value fails before
     * anything runs.
     *
     * @return the scenarios
     * @throws ScenarioException naming the knob and value of a point that is not allowed
     */
    List<Scenario> scenarios() {
        List<Scenario> out = new ArrayList<>();
        int n2 = Math.max(1, values2.size());
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < n2; j++) {
                List<KnobAssignment> a = new ArrayList<>();
                a.add(new KnobAssignment(knob, values.get(i), "sweep value '" + values.get(i) + "' of " + knob));
                if (knob2 != null) {
                    a.add(new KnobAssignment(knob2, values2.get(j), "sweep value '" + values2.get(j) + "' of "
                            + knob2));
                }
                out.add(KnobAssignments.apply(base, a));
            }
        }
        return out;
    }

    /**
     * Splits {@code --values}: on ';' if there is one (for values that contain commas, like date windows), else on
     * ','.
     *
     * @param option the option's name, for messages
     * @param text   the option's text
     * @return the values, trimmed
     */
    static List<String> split(String option, String text) {
        String sep = text.contains(";") ? ";" : ",";
        List<String> out = new ArrayList<>();
        for (String v : text.split(sep, -1)) {
            String t = v.trim();
            if (t.isEmpty()) {
                throw new UsageException(option + " '" + text + "' has an empty value; separate values with ','"
                        + " (or ';' when a value contains commas)");
            }
            out.add(t);
        }
        return out;
    }
}
