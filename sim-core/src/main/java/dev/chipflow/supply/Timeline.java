package dev.chipflow.supply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario's dated rule changes, in date order (same date: as listed). The rules in force on a day are the
 * scenario's knobs with every change dated up to that day applied in order; see {@link Knob#onChange()} for what each
 * change does to a run.
 *
 * @param changes the changes, sorted by date when built
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Timeline(List<PolicyChange> changes) implements java.io.Serializable {

    /** No change: every knob holds for the whole run. */
    public static final Timeline NONE = new Timeline(List.of());

    /**
     * Sorts by date, keeping the listed order within a date.
     *
     * @param changes the changes, sorted by date when built
     */
    public Timeline {
        List<PolicyChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(PolicyChange::date));
        changes = List.copyOf(sorted);
    }

    /** @return whether there is no change */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * @param change one more change
     * @return this timeline with it
     */
    public Timeline with(PolicyChange change) {
        List<PolicyChange> l = new ArrayList<>(changes);
        l.add(change);
        return new Timeline(l);
    }

    /**
     * One change as it acts on a scenario: the value in force before it and after it.
     *
     * @param change the change
     * @param from   the knob's value just before the change's date
     * @param to     its value from the change's date
     */
    public record Entry(PolicyChange change, String from, String to) {
    }

    /**
     * The rules in force from one day of the run.
     *
     * @param day     the first day (0 for changes dated on or before the run's first day)
     * @param rules   the scenario's knobs with every change up to that day applied (and no timeline)
     * @param entries the changes of that day
     */
    record Step(double day, Scenario rules, List<Entry> entries) {
    }

    /**
     * Applies the changes in order to {@code base}, checking each.
     *
     * @param base the scenario without its timeline
     * @return one step per distinct day with a change, in order
     * @throws InvalidKnobException naming {@code knob@date}, the value and what is allowed: a knob that cannot change
     *                              mid-run, a per-firm knob, a date after the horizon, the same knob twice on one
     *                              date, or a value the knob refuses
     */
    List<Step> steps(Scenario base) {
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Scenario rules = base;
        List<Entry> day = new ArrayList<>();
        double current = Double.NaN;
        for (PolicyChange c : changes) {
            check(c, base);
            if (!seen.add(c.label())) {
                throw new InvalidKnobException(c.label(), c.value(), "one change of a knob per date; "
                        + c.knob() + " changes twice on " + c.date());
            }
            double d = Math.max(0, Calendar.day(c.date()));
            if (d != current && !day.isEmpty()) {
                steps.add(new Step(current, rules, List.copyOf(day)));
                day.clear();
            }
            current = d;
            String from = Knobs.get(rules, c.knob());
            try {
                rules = Knobs.set(rules, c.knob(), c.value());
            } catch (InvalidKnobException e) {
                throw new InvalidKnobException(c.label(), c.value(), e.allowed());
            }
            day.add(new Entry(c, from, Knobs.get(rules, c.knob())));
        }
        if (!day.isEmpty()) {
            steps.add(new Step(current, rules, List.copyOf(day)));
        }
        return steps;
    }

    /** @return every change with the values before and after it, in date order */
    List<Entry> entries(Scenario base) {
        List<Entry> all = new ArrayList<>();
        steps(base).forEach(s -> all.addAll(s.entries()));
        return all;
    }

    private static void check(PolicyChange c, Scenario base) {
        if (c.knob().startsWith("firm.")) {
            throw new InvalidKnobException(c.label(), c.value(), "a rule or rate knob; a firm's orders and approvals "
                    + "are dated already (firm.NAME.orders, firm.NAME.approvals)");
        }
        Knob k;
        try {
            k = Knobs.knob(c.knob());
        } catch (InvalidKnobException e) {
            throw new InvalidKnobException(c.label(), c.value(), e.allowed());
        }
        if (!k.changesMidRun()) {
            throw new InvalidKnobException(c.label(), c.value(), "a knob that can change mid-run; " + c.knob()
                    + " cannot (" + k.whyFixed() + ")");
        }
        LocalDate d = c.date();
        if (d.isAfter(base.horizonEnd())) {
            throw new InvalidKnobException(c.label(), c.value(), "a date up to horizon.end = " + base.horizonEnd());
        }
    }
}
