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
 * scenario file on top of it), so that a report titled "orders-placed" never hides that it is not quite that.
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
        List<String[]> out = new ArrayList<>();
        if (base.isEmpty()) {
            return out;
        }
        Map<String, String> mine = Knobs.values(s);
        Map<String, String> theirs = Knobs.values(base.get());
        for (Map.Entry<String, String> e : mine.entrySet()) {
            String was = theirs.get(e.getKey());
            if (!e.getValue().equals(was)) {
                out.add(new String[] {e.getKey(), e.getValue(), was == null ? "-" : was});
            }
        }
        for (Map.Entry<String, String> e : theirs.entrySet()) {
            if (!mine.containsKey(e.getKey())) {
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
