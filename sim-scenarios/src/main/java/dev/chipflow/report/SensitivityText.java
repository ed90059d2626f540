package dev.chipflow.report;

import dev.chipflow.sensitivity.Factor;
import dev.chipflow.sensitivity.MorrisEstimator;
import dev.chipflow.sensitivity.SensitivityOutputs;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SensitivityResult.OutputAnalysis;
import dev.chipflow.sensitivity.SobolEstimator;
import dev.chipflow.sensitivity.SupplySensitivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a sensitivity analysis: the headline sentences, the indices behind them, how the design was made, and
 * the numbers and names they are written with. Shared by the console, report.html and the charts' captions, so that
 * each says the same thing in the same words.
 */
final class SensitivityText {

    /** A factor whose total index (Sobol') is below this is not named among those the output "depends mostly on". */
    static final double NAMED = 0.05;
    /** At most this many factors are named in a headline. */
    static final int TOP = 3;

    private SensitivityText() {
    }

    /**
     * @param r the analysis
     * @return whether it is Sobol' (variance shares) rather than Morris (a screen); the tables and words differ
     */
    static boolean sobol(SensitivityResult r) {
        return r.settings().method() == SupplySensitivity.Method.SOBOL;
    }

    /**
     * The output the histogram, the scatter plots and the note under the headline show: the first total output whose
     * indices are defined (deliveries by the first date, unless they do not vary), else the headline.
     *
     * @param r the analysis
     * @return the index of that output in {@code r.analyses()}
     */
    static int featured(SensitivityResult r) {
        for (int o = 0; o < r.analyses().size(); o++) {
            OutputAnalysis a = r.analyses().get(o);
            if (a.output().total() && a.defined()) {
                return o;
            }
        }
        return 0;
    }

    /**
     * The answer in words, one line per total output: which factors it depends on and its 90% range.
     *
     * @param r the analysis
     * @return the lines
     */
    static List<String> headlines(SensitivityResult r) {
        List<String> lines = new ArrayList<>();
        for (OutputAnalysis a : r.analyses()) {
            if (a.output().total()) {
                lines.add(headline(r, a));
            }
        }
        return lines;
    }

    /**
     * @param r the analysis
     * @param a one of its outputs
     * @return the output's headline: the factors it depends on mostly and its 90% range, or why there are no indices
     */
    static String headline(SensitivityResult r, OutputAnalysis a) {
        String subject = capital(subject(a.output()));
        boolean deliveries = a.output().day() >= 0;
        String unit = deliveries ? " units" : "";
        if (!a.defined()) {
            if (a.variance() == 0 || (a.p5() == a.p95() && Double.isFinite(a.p5()))) {
                return subject + (deliveries ? " are " : " is ") + Fmt.human(a.p50()) + unit + " whatever the "
                        + "assumptions: none of the " + Fmt.count(r.factors().size(), "factor") + " changes "
                        + (deliveries ? "them." : "it.");
            }
            return subject + (deliveries ? " are" : " is") + " undefined at some design points (for a lead time: "
                    + "nothing delivered), so there are no indices.";
        }
        List<Integer> named = named(r, a);
        double none = deliveries ? zeroShare(a.sample()) : 0;
        String range = "with every assumption uncertain, " + (deliveries ? "they lie" : "it lies") + " between "
                + Fmt.human(a.p5()) + " and " + Fmt.human(a.p95()) + unit + " in 90% of cases (median "
                + Fmt.human(a.p50()) + (none >= 0.05 ? "; none at all in " + Math.round(100 * none) + "% of cases"
                        : "") + ")";
        if (named.isEmpty()) {
            return subject + (deliveries ? " depend" : " depends") + " on no single assumption much (no total index "
                    + "reaches " + NAMED + "); " + range + ".";
        }
        List<String> names = new ArrayList<>();
        for (int i : named) {
            names.add(r.factors().get(i).knob());
        }
        return subject + (deliveries ? " depend" : " depends") + " mostly on " + join(names) + "; " + range + ".";
    }

    /**
     * The indices behind a headline, e.g. {@code Total indices: lab.baseDays 0.52 [0.45, 0.60], ...}.
     *
     * @param r the analysis
     * @param a one of its outputs
     * @return the sentence, or empty if the output has no indices
     */
    static String detail(SensitivityResult r, OutputAnalysis a) {
        if (!a.defined()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i : named(r, a).isEmpty() ? a.ranking().subList(0, 1) : named(r, a)) {
            parts.add(r.factors().get(i).knob() + " " + index(r, a, i));
        }
        String noise = Double.isNaN(a.noiseShare()) ? "" : " The model's own randomness (at fixed assumptions) is "
                + Fmt.percent(a.noiseShare()) + " of the variance of one replication.";
        return (sobol(r) ? "Total Sobol' indices [95% CI]: " : "Morris mu* [95% CI]: ") + String.join("; ", parts)
                + "." + noise;
    }

    /**
     * The factors a headline names: by importance, at most {@link #TOP}, each at least {@link #NAMED} (Sobol') or a
     * tenth of the largest mu* (Morris).
     *
     * @param r the analysis
     * @param a one of its outputs, with indices
     * @return the factors, by design order, most important first; empty if none is large enough
     */
    static List<Integer> named(SensitivityResult r, OutputAnalysis a) {
        List<Integer> out = new ArrayList<>();
        List<Integer> rank = a.ranking();
        double max = a.importance(rank.get(0));
        for (int i : rank) {
            double v = a.importance(i);
            boolean big = sobol(r) ? v >= NAMED : v > 0 && v >= 0.1 * max;
            if (out.size() < TOP && big) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * @param r the analysis
     * @param a one of its outputs
     * @param i a factor, by design order
     * @return the factor's importance with its interval: the total index (Sobol') or mu* (Morris)
     */
    static String index(SensitivityResult r, OutputAnalysis a, int i) {
        if (sobol(r)) {
            SobolEstimator.Index x = a.sobol().get(i);
            return two(x.total()) + " [" + two(x.totalLower()) + ", " + two(x.totalUpper()) + "]";
        }
        MorrisEstimator.Effect e = a.morris().get(i);
        return Fmt.withCi(e.muStar(), e.muStarLower(), e.muStarUpper());
    }

    /**
     * Two decimals, never {@code -0.00}.
     *
     * @param v an index
     * @return e.g. {@code 0.52}, or {@code -} if undefined
     */
    static String two(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", Math.round(v * 100) / 100.0 + 0.0);
    }

    /**
     * @param f a factor
     * @return its range for people: {@code 0 to 100,000}, {@code 0 to 0.2}, {@code -14 to 180}
     */
    static String range(Factor f) {
        return number(f.low()) + " to " + number(f.high());
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static double zeroShare(double[] sample) {
        int zeros = 0;
        for (double v : sample) {
            if (v == 0) {
                zeros++;
            }
        }
        return sample.length == 0 ? 0 : zeros / (double) sample.length;
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /**
     * @param o an output
     * @return what a sentence calls it, e.g. {@code deliveries by 2026-06-30}, {@code deliveries to ByteDance by
     *         2026-06-30}; a scalar output keeps its name
     */
    static String subject(SensitivityOutputs.Output o) {
        if (o.day() < 0) {
            return o.name();
        }
        String date = o.name().substring(o.name().lastIndexOf("deliveredBy") + "deliveredBy".length());
        return o.firm() < 0 ? "deliveries by " + date : "deliveries to " + o.name().substring(0,
                o.name().lastIndexOf(".deliveredBy")) + " by " + date;
    }

    /**
     * @param o an output
     * @return the axis label of its values: units for deliveries, else the output's name
     */
    static String unitLabel(SensitivityOutputs.Output o) {
        return o.day() >= 0 ? "H200 units delivered (cumulative)" : o.name();
    }

    /**
     * Capitalises a sentence's subject, but not an output's name ({@code system.capBindingShare}).
     *
     * @param s a {@link #subject}
     * @return it, to start a sentence
     */
    static String capital(String s) {
        return s.startsWith("deliveries") ? "D" + s.substring(1) : s;
    }

    /**
     * @param r the analysis
     * @return how it was made, e.g. {@code Sobol' indices from a Saltelli design: 512 base samples x ...}; the first
     *         line of the console and the subtitle of report.html
     */
    static String methodLine(SensitivityResult r) {
        SupplySensitivity.Settings s = r.settings();
        int k = r.factors().size();
        String design = sobol(r) ? "Sobol' indices from a Saltelli design: " + Fmt.human(s.samples())
                + " base samples x (" + Fmt.count(k, "factor") + " + 2) = "
                : "Morris elementary effects: " + s.samples() + " trajectories x (" + Fmt.count(k, "factor")
                        + " + 1) on " + s.levels() + " levels = ";
        return design + Fmt.human(r.labels().size()) + " design points, " + Fmt.count(s.replications(), "replication")
                + " each with common random numbers (" + Fmt.human(r.replicationsRun()) + " replications)";
    }
}
