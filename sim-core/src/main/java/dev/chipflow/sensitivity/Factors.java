package dev.chipflow.sensitivity;

import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which knobs an analysis varies: by default every knob the registry marks as an assumption and gives a numeric
 * calibrated range (docs/calibration.md, column <em>calibrated</em>), over that range; {@code --factor KNOB=LOW..HIGH}
 * adds a knob or replaces a default's range.
 */
public final class Factors {

    /** A calibrated range as the registry writes it: {@code 0-1}, {@code 300,000-800,000}, {@code 7-120 (mean)}. */
    private static final Pattern CALIBRATED = Pattern.compile(
            "\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*-\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(?:\\([^)]*\\))?\\s*");
    /** {@code LOW..HIGH} of {@code --factor}: plain decimals, a sign allowed (shifts may be negative). */
    private static final Pattern RANGE = Pattern.compile(
            "\\s*([+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*\\.\\.\\s*"
                    + "([+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*");

    private Factors() {
    }

    /**
     * An assumption left out of the default factors, and why.
     *
     * @param knob   the knob
     * @param reason e.g. {@code no calibrated range}
     */
    public record Skipped(String knob, String reason) {
    }

    /**
     * The factors of an analysis and the assumptions the defaults left out.
     *
     * @param factors the factors, defaults first in registry order, then those added by {@code --factor}
     * @param skipped assumptions without a numeric calibrated range, not varied unless given with {@code --factor}
     */
    public record Selection(List<Factor> factors, List<Skipped> skipped) {

        /**
         * Copies the lists.
         *
         * @param factors the factors, defaults first in registry order, then those added by {@code --factor}; not
         *                null, no null element
         * @param skipped assumptions without a numeric calibrated range, not varied unless given with
         *                {@code --factor}; not null, no null element (empty when the defaults are not used)
         */
        public Selection {
            factors = List.copyOf(factors);
            skipped = List.copyOf(skipped);
        }

        /** @return the factors' knob names */
        public List<String> knobs() {
            return factors.stream().map(Factor::knob).toList();
        }
    }

    /**
     * Reads a calibrated range of the registry.
     *
     * @param calibrated e.g. {@code 0-1}, {@code 300,000-800,000}, {@code 7-120 (mean)}
     * @return {low, high}, or null if the text is not a numeric range ({@code -}, {@code on/off},
     *         {@code 0-unlimited}, {@code 8,000 (one default shipment)}, {@code Q2-Q4 2026, or never})
     */
    public static double[] calibratedRange(String calibrated) {
        Matcher m = CALIBRATED.matcher(calibrated);
        if (!m.matches()) {
            return null;
        }
        double lo = Double.parseDouble(m.group(1).replace(",", ""));
        double hi = Double.parseDouble(m.group(2).replace(",", ""));
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /**
     * The default factors: every assumption with a numeric calibrated range, in the registry's order.
     *
     * @return the factors and the assumptions left out, with the reason
     */
    public static Selection defaults() {
        List<Factor> factors = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Knob k : Knobs.all()) {
            if (!k.isAssumption()) {
                continue;
            }
            Factor.Kind kind = Factor.kindOf(k);
            double[] r = calibratedRange(k.calibrated());
            if (kind == null) {
                skipped.add(new Skipped(k.name(), "takes " + k.allowed() + ": no numeric parameter to vary"));
            } else if (r == null) {
                skipped.add(new Skipped(k.name(), k.calibrated().equals("-") ? "no calibrated range"
                        : "calibrated range '" + k.calibrated() + "' is not a numeric range"));
            } else {
                factors.add(new Factor(k.name(), kind, r[0], r[1], "calibrated"));
            }
        }
        return new Selection(factors, skipped);
    }

    /**
     * Reads {@code KNOB=LOW..HIGH}.
     *
     * @param spec e.g. {@code lab.lines=1..8}, {@code customs.blocks=-14..180}, {@code lab.baseDays=5..20}
     * @return the factor, origin {@code --factor}
     * @throws IllegalArgumentException naming what is wrong and what is allowed
     */
    public static Factor parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + spec + "' is not KNOB=LOW..HIGH, e.g. lab.lines=1..20");
        }
        String name = spec.substring(0, eq).trim();
        String range = spec.substring(eq + 1);
        if (name.startsWith("firm.")) {
            throw new IllegalArgumentException("'" + name + "' is a per-firm knob; a factor is one of the "
                    + "scenario-wide knobs that hold a number, a distribution of days, a date or date windows");
        }
        Knob k = Knobs.knob(name);
        Factor.Kind kind = Factor.kindOf(k);
        if (kind == null) {
            throw new IllegalArgumentException("'" + name + "' takes " + k.allowed() + "; a factor is a knob that "
                    + "holds a number, a distribution of days (varied through its mean), a date or date windows "
                    + "(varied through a shift in days)");
        }
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + range + "' is not a range LOW..HIGH of plain decimal numbers ("
                    + "for " + name + ": the " + kind.parameter() + ", e.g. " + example(kind) + ")");
        }
        double lo = Double.parseDouble(m.group(1));
        double hi = Double.parseDouble(m.group(2));
        if (lo > hi) {
            throw new IllegalArgumentException("'" + range + "' has LOW above HIGH");
        }
        return new Factor(name, kind, lo, hi, "--factor");
    }

    private static String example(Factor.Kind kind) {
        return switch (kind) {
            case NUMBER -> "0.25..1";
            case WHOLE -> "1..20";
            case MEAN -> "5..20";
            case DATE_SHIFT, WINDOW_END_SHIFT -> "-30..90";
        };
    }

    /**
     * The factors of an analysis: the defaults (unless {@code defaults} is false), each {@code --factor} replacing a
     * default on the same knob or adding one; every factor checked against the scenario at both ends of its range.
     *
     * @param base     the scenario to vary
     * @param specs    {@code KNOB=LOW..HIGH}, each knob at most once
     * @param defaults whether to start from {@link #defaults()}
     * @return the selection
     * @throws IllegalArgumentException naming the spec at fault, and for a range the knob refuses at one of its ends,
     *                                  the knob's own message (the value and what it allows)
     */
    public static Selection select(Scenario base, List<String> specs, boolean defaults) {
        Selection d = defaults ? defaults() : new Selection(List.of(), List.of());
        Map<String, Factor> byKnob = new LinkedHashMap<>();
        for (Factor f : d.factors()) {
            byKnob.put(f.knob(), f);
        }
        List<String> given = new ArrayList<>();
        for (String spec : specs) {
            Factor f = parse(spec);
            if (given.contains(f.knob())) {
                throw new IllegalArgumentException("'" + spec + "' gives " + f.knob() + " a second time; give each "
                        + "knob once");
            }
            given.add(f.knob());
            byKnob.put(f.knob(), f);
        }
        List<Skipped> skipped = new ArrayList<>();
        for (Skipped s : d.skipped()) {
            if (!byKnob.containsKey(s.knob())) {
                skipped.add(s);
            }
        }
        List<Factor> factors = new ArrayList<>(byKnob.values());
        for (Factor f : factors) {
            try {
                f.check(base);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + f.spec() + "'" + (f.origin().equals("calibrated")
                        ? " (the calibrated range)" : "") + " does not fit scenario '" + base.name() + "': "
                        + e.getMessage(), e);
            }
        }
        return new Selection(factors, skipped);
    }
}
