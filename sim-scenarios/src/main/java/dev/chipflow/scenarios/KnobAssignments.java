package dev.chipflow.scenarios;

import dev.chipflow.supply.InvalidKnobException;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code knob = value} assignments (from {@code --set} or a scenario file) to a scenario.
 *
 * <p>Scenario-wide knobs are all applied to one builder and validated once, so that knobs checked against each other
 * ({@code horizon.end} and the dates of orders) can be set in any order; a conflict with a knob not set here is
 * reported against the assignment that causes it. Per-firm knobs follow, orders
 * first (setting {@code firm.NAME.orders} of a new name adds the firm). The firms keep the base scenario's order, new
 * firms after them in the order they were named. Dated changes ({@code knob@date}) come last, each added to the
 * scenario's timeline. A later assignment of the same knob (and date) replaces an earlier one.
 */
public final class KnobAssignments {

    private static final List<String> FIRM_PARTS = List.of("orders", "approvals", "priority");

    private KnobAssignments() {
    }

    /**
     * @param base        the scenario to start from
     * @param assignments applied in order, later ones winning
     * @return the scenario with every assignment applied
     * @throws InvalidKnobException a value not allowed, for assignments from the command line
     * @throws ScenarioException    an unknown knob, or any error of an assignment with an origin (prefixed by it)
     */
    public static Scenario apply(Scenario base, List<KnobAssignment> assignments) {
        Map<String, KnobAssignment> last = new LinkedHashMap<>();
        for (KnobAssignment a : assignments) {
            checkName(a);
            last.remove(a.label());
            last.put(a.label(), a);
        }
        List<KnobAssignment> wide = new ArrayList<>();
        List<KnobAssignment> perFirm = new ArrayList<>();
        List<KnobAssignment> dated = new ArrayList<>();
        for (KnobAssignment a : last.values()) {
            (a.date() != null ? dated : a.knob().startsWith("firm.") ? perFirm : wide).add(a);
        }
        Scenario s = base;
        if (!wide.isEmpty()) {
            Scenario.Builder b = base.toBuilder();
            for (KnobAssignment a : wide) {
                Knob k = Knobs.knob(a.knob());
                try {
                    b = k.setter().apply(b, a.value().trim());
                } catch (InvalidKnobException e) {
                    throw located(a, e);
                } catch (IllegalArgumentException e) {
                    throw located(a, new InvalidKnobException(k.name(), a.value(), k.allowed() + " ("
                            + e.getMessage() + ")"));
                }
            }
            try {
                s = b.build();
            } catch (InvalidKnobException e) {
                KnobAssignment culprit = last.get(e.knob());
                // Quote the value as the user wrote it (1e308, not 1.0E308).
                throw culprit != null ? located(culprit, new InvalidKnobException(e.knob(), culprit.value().trim(),
                        e.allowed())) : blameSetKnob(base, wide, e);
            }
        }
        perFirm.sort(Comparator.comparingInt(a -> a.knob().endsWith(".orders") ? 0 : 1));
        for (KnobAssignment a : perFirm) {
            try {
                s = Knobs.set(s, a.knob(), a.value());
            } catch (IllegalArgumentException e) {
                throw located(a, e);
            }
        }
        // Dated changes last: each is checked against the rules in force on its date, which the knobs above set.
        for (KnobAssignment a : dated) {
            try {
                s = s.toBuilder().change(new PolicyChange(a.date(), a.knob(), a.value(),
                        a.origin() == null ? "--set" : a.origin(), "-")).build();
            } catch (IllegalArgumentException e) {
                throw located(a, e);
            }
        }
        return s;
    }

    /**
     * The scenario broke on a knob nobody set here (say, an order of the base scenario after a new horizon.end): name
     * the assignment that breaks it on its own, so the message is about a knob the user set.
     */
    private static RuntimeException blameSetKnob(Scenario base, List<KnobAssignment> wide, InvalidKnobException e) {
        for (KnobAssignment a : wide) {
            try {
                Knobs.set(base, a.knob(), a.value());
            } catch (IllegalArgumentException alone) {
                return located(a, alone);
            }
        }
        return e;
    }

    private static RuntimeException located(KnobAssignment a, IllegalArgumentException e) {
        if (a.origin() == null) {
            return e;
        }
        return new ScenarioException(a.origin() + ": " + e.getMessage());
    }

    /**
     * Checks that an assignment names a knob.
     *
     * @param a the assignment
     * @throws ScenarioException naming the unknown knob and the closest known name
     */
    public static void checkName(KnobAssignment a) {
        String name = a.knob();
        String where = a.origin() == null ? "" : a.origin() + ": ";
        if (name.startsWith("firm.")) {
            String[] p = name.split("\\.", -1);
            if (p.length != 3 || p[1].isEmpty() || !FIRM_PARTS.contains(p[2])) {
                throw new ScenarioException(where + "unknown knob '" + name + "': per-firm knobs are "
                        + "firm.NAME.orders, firm.NAME.approvals and firm.NAME.priority");
            }
            return;
        }
        if (Knobs.all().stream().noneMatch(k -> k.name().equals(name))) {
            throw new ScenarioException(where + "unknown knob '" + name + "'" + suggestion(name)
                    + "; 'chipflow knobs' lists every knob");
        }
    }

    private static String suggestion(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Knob k : Knobs.all()) {
            int d = distance(name.toLowerCase(Locale.ROOT), k.name().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k.name();
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? " (did you mean '" + best + "'?)"
                : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
