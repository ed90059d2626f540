package dev.chipflow.spark;

import dev.chipflow.scenarios.KnobAssignment;
import dev.chipflow.scenarios.KnobAssignments;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Timeline;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario as text that travels to Spark executors: its name, every knob as {@link Knobs#values} writes it, and
 * its timeline's dated changes with their sources. The executor rebuilds the scenario as {@code chipflow rerun} does
 * from a manifest; {@link #of} rebuilds it once on the driver too and refuses a scenario that does not come back
 * equal, so an executor never runs anything but the scenario the driver was given.
 *
 * <p>Text rather than a Serializable {@link Scenario}: the scenario's dozen record types stay as they are in sim-core,
 * and the description is what the manifest already records, so nothing new has to be kept in step with the model.
 */
final class ScenarioSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Scenarios rebuilt in this JVM, most recently used last: every task gets its own copy of the description, and
     * rebuilding (parsing every knob, validating) costs about as much as two replications of a small scenario.
     */
    private static final Map<ScenarioSpec, Scenario> REBUILT = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<ScenarioSpec, Scenario> eldest) {
                    return size() > 64;
                }
            });

    private final String name;
    private final String[] knobs;
    private final String[] values;
    /** Per change: date, knob, value, source, trust. */
    private final String[][] changes;
    /** Rebuilt once per deserialised copy, i.e. once per Spark task. */
    private transient volatile Scenario scenario;

    private ScenarioSpec(String name, String[] knobs, String[] values, String[][] changes) {
        this.name = name;
        this.knobs = knobs;
        this.values = values;
        this.changes = changes;
    }

    /**
     * @param s a scenario
     * @return its description
     * @throws IllegalArgumentException if the knobs do not rebuild exactly this scenario
     */
    static ScenarioSpec of(Scenario s) {
        // The knobs of day 0 alone; the dated changes ride with their sources below.
        Map<String, String> all = Knobs.values(s.withoutTimeline());
        String[] k = all.keySet().toArray(String[]::new);
        String[] v = all.values().toArray(String[]::new);
        List<PolicyChange> cs = s.timeline().changes();
        String[][] c = new String[cs.size()][];
        for (int i = 0; i < c.length; i++) {
            PolicyChange p = cs.get(i);
            c[i] = new String[] {p.date().toString(), p.knob(), p.value(), p.source(), p.trust()};
        }
        ScenarioSpec spec = new ScenarioSpec(s.name(), k, v, c);
        Scenario back = spec.scenario();
        if (!back.equals(s)) {
            throw new IllegalArgumentException("scenario '" + s.name() + "' is not described exactly by its knobs, "
                    + "so it cannot run on Spark executors; run it with --engine local");
        }
        spec.scenario = s;
        return spec;
    }

    /** @return the scenario's name */
    String name() {
        return name;
    }

    /** @return the scenario, rebuilt from its knobs on first use */
    Scenario scenario() {
        Scenario s = scenario;
        if (s == null) {
            s = REBUILT.get(this);
            if (s == null) {
                s = rebuild();
                REBUILT.put(this, s);
            }
            scenario = s;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioSpec x && name.equals(x.name) && Arrays.equals(knobs, x.knobs)
                && Arrays.equals(values, x.values) && Arrays.deepEquals(changes, x.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(values), Arrays.deepHashCode(changes));
    }

    private Scenario rebuild() {
        List<KnobAssignment> list = new ArrayList<>(knobs.length);
        for (int i = 0; i < knobs.length; i++) {
            list.add(new KnobAssignment(knobs[i], values[i], null));
        }
        // As a rerun does: from no firms, so that the firms are exactly those listed, in their order.
        Scenario s = KnobAssignments.apply(Scenario.builder().firms(List.of()).build(), list);
        List<PolicyChange> dated = new ArrayList<>(changes.length);
        for (String[] c : changes) {
            dated.add(new PolicyChange(LocalDate.parse(c[0]), c[1], c[2], c[3], c[4]));
        }
        return s.toBuilder().name(name).timeline(new Timeline(dated)).build();
    }
}
