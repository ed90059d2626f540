package dev.chipflow.sensitivity;

import dev.chipflow.random.Distribution;
import dev.chipflow.random.Empirical;
import dev.chipflow.random.Exponential;
import dev.chipflow.random.Fixed;
import dev.chipflow.random.Gamma;
import dev.chipflow.random.LogNormal;
import dev.chipflow.random.Triangular;
import dev.chipflow.random.Uniform;
import dev.chipflow.supply.DateWindow;
import dev.chipflow.supply.InvalidKnobException;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One uncertain input: a knob varied uniformly over {@code [low, high]} of a documented parameter.
 *
 * <ul>
 *   <li>A number knob ({@code a number in ...}): the knob's value itself.</li>
 *   <li>A whole-number knob ({@code lab.lines}, {@code cap.usUnitsPerWeek}, ...): the knob's value, each whole
 *       number from {@code low} to {@code high} equally likely.</li>
 *   <li>A distribution of days ({@code lab.baseDays}, ...): the distribution's <em>mean</em>, in days. The scenario's
 *       distribution is scaled by {@code value / its mean}, which keeps its shape and its spread relative to the mean
 *       ({@code tri(7,10,13)} at 20 days is {@code tri(14,20,26)}); a distribution with mean 0 becomes
 *       {@code fixed(value)}. The calibrated ranges of distribution knobs are ranges of the mean.</li>
 *   <li>A date ({@code supply.productionStart}, ...): a <em>shift</em> of the scenario's date, in whole days
 *       ({@code -30..90}), each whole number of days equally likely.</li>
 *   <li>Date windows ({@code customs.blocks}, {@code supply.halts}): a shift, in whole days, of the <em>end</em> of
 *       every window, the start kept (the starts are on record; how long a block or a halt lasts is the
 *       uncertainty). A window whose end would fall before its start is dropped.</li>
 * </ul>
 * Switches, choices, text, {@code horizon.end} and per-firm knobs cannot be factors.
 *
 * <p>A factor sets the knob's value from day 0. If the scenario's timeline changes the same knob on a date, that
 * change still applies from its date ({@link #onTimeline}); reports say so.
 *
 * @param knob   the knob's documented name
 * @param kind   what the range is a range of
 * @param low    the range's low end
 * @param high   the range's high end, at least {@code low}
 * @param origin where the range comes from: {@code calibrated} (the registry's calibrated range) or
 *               {@code --factor}
 */
public record Factor(String knob, Kind kind, double low, double high, String origin) {

    /** What a factor's range is a range of. */
    public enum Kind {
        /** The knob's value, a number. */
        NUMBER("value"),
        /** The knob's value, whole numbers equally likely. */
        WHOLE("value (whole numbers)"),
        /** The mean of a distribution of days, which is scaled. */
        MEAN("mean of the distribution, days"),
        /** A shift of a date, whole days. */
        DATE_SHIFT("shift of the date, days"),
        /** A shift of the end of every date window, whole days. */
        WINDOW_END_SHIFT("shift of each window's end, days");

        private final String parameter;

        Kind(String parameter) {
            this.parameter = parameter;
        }

        /** @return what the range is a range of, for reports */
        public String parameter() {
            return parameter;
        }

        /** @return whether values are whole numbers */
        public boolean whole() {
            return this != NUMBER && this != MEAN;
        }
    }

    /**
     * Validates the range.
     *
     * @param knob   the knob's documented name, e.g. {@code lab.lines}; not checked against the registry here
     * @param kind   what the range is a range of, e.g. {@link Kind#MEAN} for a distribution of days
     * @param low    the range's low end, finite; in the unit of {@code kind} (the knob's value, a mean in days, or a
     *               shift in days); a whole number for the whole-number kinds, at least 0 for {@link Kind#MEAN}
     * @param high   the range's high end, finite, at least {@code low}; a whole number for the whole-number kinds
     * @param origin where the range comes from: {@code calibrated} (the registry's calibrated range) or
     *               {@code --factor}
     * @throws IllegalArgumentException naming the knob, if the range is not finite, has {@code low} above
     *                                  {@code high}, is not whole for a whole-number kind or is a negative mean
     */
    public Factor {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
            throw new IllegalArgumentException("the range of " + knob + " must be finite numbers LOW..HIGH with LOW <= "
                    + "HIGH, was " + low + ".." + high);
        }
        if (kind.whole() && (low != Math.rint(low) || high != Math.rint(high))) {
            throw new IllegalArgumentException("the range of " + knob + " (" + kind.parameter() + ") must be whole "
                    + "numbers, was " + num(low) + ".." + num(high));
        }
        if (kind == Kind.MEAN && low < 0) {
            throw new IllegalArgumentException("the range of " + knob + " is a mean in days, at least 0, was "
                    + num(low) + ".." + num(high));
        }
    }

    /**
     * @param k a knob
     * @return what a factor on it would vary, or null if it cannot be a factor
     */
    public static Kind kindOf(Knob k) {
        String a = k.allowed();
        if (k.name().equals("horizon.end") || k.name().equals("name")) {
            return null;
        }
        if (a.startsWith("a number")) {
            return Kind.NUMBER;
        }
        if (a.startsWith("a whole number")) {
            return Kind.WHOLE;
        }
        if (a.startsWith("a distribution")) {
            return Kind.MEAN;
        }
        if (a.startsWith("a date")) {
            return Kind.DATE_SHIFT;
        }
        if (a.startsWith("windows")) {
            return Kind.WINDOW_END_SHIFT;
        }
        return null;
    }

    /**
     * Maps a coordinate of the unit cube onto the range: {@code low + u (high - low)}; for whole numbers,
     * {@code low + floor(u (high - low + 1))} (at most {@code high}), so that each whole number is equally likely.
     *
     * @param u a coordinate in [0, 1]
     * @return the factor's value
     */
    public double value(double u) {
        if (kind.whole()) {
            double span = high - low;
            return low + Math.min(Math.floor(u * (span + 1)), span);
        }
        return low + u * (high - low);
    }

    /**
     * @param s     a scenario
     * @param value a value of this factor (from {@link #value})
     * @return {@code s} with the knob set accordingly
     * @throws InvalidKnobException if the knob refuses the value
     */
    public Scenario apply(Scenario s, double value) {
        return Knobs.set(s, knob, knobText(s, value));
    }

    /**
     * @param s     the scenario the factor varies
     * @param value a value of this factor
     * @return the knob's text at that value, e.g. {@code tri(14,20,26)} for a mean of 20 days
     */
    public String knobText(Scenario s, double value) {
        String current = Knobs.get(s, knob);
        switch (kind) {
            case NUMBER:
                return num(value);
            case WHOLE:
                return Long.toString((long) value);
            case MEAN: {
                Distribution d = Distribution.parse(current);
                return d.mean() == 0 ? new Fixed(value).spec() : scale(knob, d, value / d.mean()).spec();
            }
            case DATE_SHIFT: {
                if (current.equalsIgnoreCase("never")) {
                    throw new InvalidKnobException(knob, current, "a date to shift (the scenario has 'never')");
                }
                return LocalDate.parse(current).plusDays((long) value).toString();
            }
            case WINDOW_END_SHIFT: {
                List<String> out = new ArrayList<>();
                if (!current.equals("none")) {
                    for (String w : current.split(",")) {
                        DateWindow d = DateWindow.parse(w);
                        LocalDate end = d.to().plusDays((long) value);
                        if (!end.isBefore(d.from())) {
                            out.add(d.from() + ".." + end);
                        }
                    }
                }
                return out.isEmpty() ? "none" : String.join(", ", out);
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /**
     * Checks that the knob takes both ends of the range in {@code s} (and that a shift has something to shift).
     *
     * @param s the scenario to vary
     * @throws InvalidKnobException naming the knob, the value refused and what it allows
     */
    public void check(Scenario s) {
        if (kind == Kind.WINDOW_END_SHIFT && Knobs.get(s, knob).equals("none")) {
            throw new InvalidKnobException(knob, "none", "date windows whose ends a shift can move (the scenario has "
                    + "none; set some with --set " + knob + "=FROM..TO)");
        }
        apply(s, value(0));
        apply(s, value(1));
    }

    /**
     * @param s the scenario the factor varies, whose timeline of dated changes is searched
     * @return whether the scenario's timeline changes this knob on a date (that change still applies over the
     *         factor's value from its date)
     */
    public boolean onTimeline(Scenario s) {
        for (PolicyChange c : s.timeline().changes()) {
            if (c.knob().equals(knob)) {
                return true;
            }
        }
        return false;
    }

    /** @return the range as people read it, e.g. {@code 0 to 1} or {@code -30 to 90} */
    public String rangeText() {
        return num(low) + " to " + num(high);
    }

    /** @return the range as {@code --factor} takes it, e.g. {@code lab.lines=1..20} */
    public String spec() {
        return knob + "=" + num(low) + ".." + num(high);
    }

    /** Scales a distribution of days by {@code c >= 0}, keeping its shape. */
    static Distribution scale(String knob, Distribution d, double c) {
        if (d instanceof Fixed f) {
            return new Fixed(f.value() * c);
        }
        if (d instanceof Exponential e) {
            return new Exponential(e.mean() * c);
        }
        if (d instanceof Uniform u) {
            return new Uniform(u.min() * c, u.max() * c);
        }
        if (d instanceof Triangular t) {
            return new Triangular(t.min() * c, t.mode() * c, t.max() * c);
        }
        if (d instanceof LogNormal l) {
            return new LogNormal(l.mean() * c, l.sd() * c);
        }
        if (d instanceof Gamma g) {
            return new Gamma(g.shape(), g.scale() * c);
        }
        if (d instanceof Empirical e) {
            double[] v = e.values();
            for (int i = 0; i < v.length; i++) {
                v[i] *= c;
            }
            return new Empirical(v);
        }
        throw new InvalidKnobException(knob, d.spec(), "a distribution whose mean a factor can scale (fixed, exp, "
                + "uniform, tri, lognormal, gamma, empirical)");
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
