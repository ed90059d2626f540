package dev.chipflow.report;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knobs in which a run's scenario differs from the named scenario it carries the name of (a {@code --set} or a
 * scenario file on top of it), so that a report titled "orders-placed" never hides that it is not quite that; and
 * the knobs in which two compared scenarios differ.
 */
final class BaseDifferences {

    private BaseDifferences() {
    }

    /**
     * @param s a scenario
     * @return per differing knob: its name, its value here and in the named scenario; empty when the name is no
     *         named scenario's or nothing differs
     */
    static List<String[]> of(Scenario s) {
        Optional<Scenario> base = NamedScenarios.find(s.name());
        return base.isEmpty() ? List.of() : between(s, base.get());
    }

    /**
     * @param mine   a scenario
     * @param theirs another
     * @return per knob whose value differs: its name, its value in {@code mine} and in {@code theirs} ({@code -} where
     *         a scenario lacks the knob, e.g. a firm of the other); knobs of {@code mine} first, in their order
     */
    static List<String[]> between(Scenario mine, Scenario theirs) {
        Map<String, String> a = Knobs.values(mine);
        Map<String, String> b = Knobs.values(theirs);
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            String was = b.get(e.getKey());
            if (!e.getValue().equals(was)) {
                out.add(new String[] {e.getKey(), e.getValue(), was == null ? "-" : was});
            }
        }
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new String[] {e.getKey(), "-", e.getValue()});
            }
        }
        return out;
    }

    /** @return e.g. {@code Changed from the named scenario orders-placed: cap.ratio = 0.25 (there 0.5).}, or empty */
    static String sentence(Scenario s) {
        List<String[]> d = of(s);
        if (d.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String[] k : d) {
            parts.add(k[0] + " = " + k[1] + " (there " + k[2] + ")");
        }
        return "Changed from the named scenario " + s.name() + ": " + String.join("; ", parts) + ".";
    }
}
