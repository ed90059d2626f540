package dev.chipflow.report;

import dev.chipflow.sensitivity.Factor;
import dev.chipflow.sensitivity.Factors;
import dev.chipflow.sensitivity.MorrisEstimator;
import dev.chipflow.sensitivity.SensitivityOutputs;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SensitivityResult.OutputAnalysis;
import dev.chipflow.sensitivity.SobolEstimator;
import dev.chipflow.sensitivity.SupplySensitivity;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * The files of a sensitivity analysis (sensitivity.csv, uncertainty.csv, factors.csv, design.csv, the charts,
 * report.html) and its console summary. Pure functions of the result and {@link RunInfo}: no clock, no thread count.
 */
public final class SensitivityReports {

    /** A factor whose total index (Sobol') is below this is not named among those the output "depends mostly on". */
    static final double NAMED = 0.05;
    /** At most this many factors are named in a headline. */
    static final int TOP = 3;

    private SensitivityReports() {
    }

    // ------------------------------------------------------------------ files

    /**
     * @param r    the analysis
     * @param info how it was made
     * @return file name to contents, in a fixed order
     */
    public static Map<String, byte[]> files(SensitivityResult r, RunInfo info) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sensitivity.csv", Reports.utf8(sensitivityCsv(r)));
        files.put("uncertainty.csv", Reports.utf8(uncertaintyCsv(r)));
        files.put("factors.csv", Reports.utf8(factorsCsv(r)));
        files.put("design.csv", Reports.utf8(designCsv(r)));
        List<Charts.Png> charts = charts(r);
        for (Charts.Png p : charts) {
            files.put(p.fileName(), p.bytes());
        }
        files.put("report.html", Reports.utf8(html(r, info, charts)));
        return files;
    }

    /**
     * {@code sensitivity.csv}: one row per output and factor, outputs in order, factors in design order. Sobol':
     * factor, output, first, first_lower, first_upper, total, total_lower, total_upper (95% bootstrap intervals, or the
     * level of the analysis). Morris: factor, output, mu_star, mu_star_lower, mu_star_upper, mu, sigma (in output units
     * per whole range of the factor). Empty cells where the output does not vary or is undefined somewhere.
     */
    static String sensitivityCsv(SensitivityResult r) {
        boolean sobol = sobol(r);
        List<String> header = sobol
                ? List.of("factor", "output", "first", "first_lower", "first_upper", "total", "total_lower",
                        "total_upper")
                : List.of("factor", "output", "mu_star", "mu_star_lower", "mu_star_upper", "mu", "sigma");
        List<List<String>> rows = new ArrayList<>();
        for (OutputAnalysis a : r.analyses()) {
            for (int i = 0; i < r.factors().size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(r.factors().get(i).knob());
                row.add(a.output().name());
                if (sobol) {
                    SobolEstimator.Index x = a.sobol().get(i);
                    for (double v : new double[] {x.first(), x.firstLower(), x.firstUpper(), x.total(),
                        x.totalLower(), x.totalUpper()}) {
                        row.add(Fmt.csv(v));
                    }
                } else {
                    MorrisEstimator.Effect e = a.morris().get(i);
                    for (double v : new double[] {e.muStar(), e.muStarLower(), e.muStarUpper(), e.mu(), e.sigma()}) {
                        row.add(Fmt.csv(v));
                    }
                }
                rows.add(row);
            }
        }
        return csv(header, rows);
    }

    /**
     * {@code uncertainty.csv}: one row per output. Columns: output; p5, p50, p95: percentiles of the output over the
     * uncertainty sample (every replication at the points that sample the ranges uniformly: A and B for Sobol'); n: the
     * size of that sample; variance: of the point means there; noise_share: the within-point variance over the variance
     * of single replications (the model's randomness at fixed assumptions); noise_share_of_means: the within-point
     * variance / replications over the variance of the point means; first_sum: the sum of the first-order indices
     * (Sobol'; 1 - first_sum is the share due to interactions).
     */
    static String uncertaintyCsv(SensitivityResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (OutputAnalysis a : r.analyses()) {
            rows.add(List.of(a.output().name(), Fmt.csv(a.p5()), Fmt.csv(a.p50()), Fmt.csv(a.p95()),
                    Integer.toString(a.sample().length), Fmt.csv(a.variance()), Fmt.csv(a.noiseShare()),
                    Fmt.csv(a.noiseShareOfMeans()), Fmt.csv(firstSum(a))));
        }
        return csv(List.of("output", "p5", "p50", "p95", "n", "variance", "noise_share", "noise_share_of_means",
                "first_sum"), rows);
    }

    /**
     * {@code factors.csv}: one row per factor. Columns: factor (the knob), parameter (what the range is a range of:
     * value, mean of the distribution in days, shift in days), low, high, base (the knob's value in the scenario),
     * origin (calibrated: the registry's range; --factor), unit, trust, on_timeline (whether the scenario's timeline
     * changes the knob on a date, a change that still applies).
     */
    static String factorsCsv(SensitivityResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (Factor f : r.factors()) {
            Knob k = Knobs.knob(f.knob());
            rows.add(List.of(f.knob(), f.kind().parameter(), Fmt.csv(f.low()), Fmt.csv(f.high()),
                    Knobs.get(r.scenario(), f.knob()), f.origin(), k.unit(), k.trust(),
                    Boolean.toString(f.onTimeline(r.scenario()))));
        }
        return csv(List.of("factor", "parameter", "low", "high", "base", "origin", "unit", "trust", "on_timeline"),
                rows);
    }

    /**
     * {@code design.csv}: one row per design point. Columns: point (from 0), matrix (A, B, or ABi: A with factor i's
     * column from B; Morris: Tt.s, step s of trajectory t), row (base row or trajectory, from 0), then each factor's
     * value (in the parameter of factors.csv), then each output's mean over the replications.
     */
    static String designCsv(SensitivityResult r) {
        List<String> header = new ArrayList<>(List.of("point", "matrix", "row"));
        r.factors().forEach(f -> header.add(f.knob()));
        r.outputs().outputs().forEach(o -> header.add(o.name()));
        List<List<String>> rows = new ArrayList<>(r.labels().size());
        for (int p = 0; p < r.labels().size(); p++) {
            List<String> row = new ArrayList<>(header.size());
            row.add(Integer.toString(p));
            row.add(r.labels().get(p));
            row.add(Integer.toString(r.rows()[p]));
            for (double v : r.values()[p]) {
                row.add(Fmt.csv(v));
            }
            for (double v : r.means()[p]) {
                row.add(Fmt.csv(v));
            }
            rows.add(row);
        }
        return csv(header, rows);
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CsvReports.FORMAT)) {
            p.printRecord(header);
            for (List<String> row : rows) {
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ charts

    static List<Charts.Png> charts(SensitivityResult r) {
        List<Charts.Png> charts = new ArrayList<>();
        boolean sobol = sobol(r);
        for (int o = 0; o < r.analyses().size(); o++) {
            OutputAnalysis a = r.analyses().get(o);
            if (!a.output().total() || !a.defined()) {
                continue;
            }
            String what = sobol ? "Sobol' indices, 95% bootstrap intervals" : "Morris mu* (95% interval) and sigma";
            charts.add(new Charts.Png("indices-" + fileName(a.output().name()) + ".png",
                    "Which assumptions matter for " + subject(a.output()).toLowerCase(Locale.ROOT) + " (" + what + ")",
                    Charts.png(SensitivityCharts.indices(r, a, capital(subject(a.output())) + ": " + what))));
        }
        int featured = featured(r);
        OutputAnalysis h = r.analyses().get(featured);
        if (h.sample().length > 0 && Double.isFinite(h.p5())) {
            charts.add(new Charts.Png("histogram.png", capital(subject(h.output())) + " with every assumption "
                    + "uncertain: every replication at the design points that sample the ranges (" + (sobol
                            ? "the rows of A and B)" : "the Morris trajectories)"),
                    Charts.png(SensitivityCharts.histogram(h, unitLabel(h.output()), capital(subject(h.output()))
                            + " with every assumption uncertain (" + Fmt.human(h.sample().length)
                            + " replications)"))));
        }
        if (h.defined()) {
            List<Integer> top = h.ranking().subList(0, Math.min(TOP, r.factors().size()));
            charts.add(new Charts.Png("scatter.png", capital(subject(h.output())) + " against the factors that "
                    + "matter most (one dot per design point: its mean over " + Fmt.count(r.settings().replications(),
                            "replication") + ")",
                    Charts.png(SensitivityCharts.scatter(r, featured, top, unitLabel(h.output()),
                            capital(subject(h.output())) + " against the " + (top.size() == 1 ? "factor"
                                    : top.size() + " factors") + " that matter most"))));
        }
        return charts;
    }

    /**
     * The output the histogram, the scatter plots and the note under the headline show: the first total output whose
     * indices are defined (deliveries by the first date, unless they do not vary), else the headline.
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

    private static String fileName(String output) {
        return output.replaceAll("[^A-Za-z0-9.-]", "-");
    }

    // ------------------------------------------------------------------ words

    /**
     * The answer in words, one line per total output: which factors it depends on and its 90% range.
     *
     * @param r the analysis
     * @return the lines
     */
    public static List<String> headlines(SensitivityResult r) {
        List<String> lines = new ArrayList<>();
        for (OutputAnalysis a : r.analyses()) {
            if (a.output().total()) {
                lines.add(headline(r, a));
            }
        }
        return lines;
    }

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

    /** The indices behind a headline, e.g. {@code Total indices: lab.baseDays 0.52 [0.45, 0.60], ...}. */
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

    /** The factors a headline names: by importance, at most {@link #TOP}, each at least {@link #NAMED} (Sobol') or a
     *  tenth of the largest mu* (Morris). */
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

    static String index(SensitivityResult r, OutputAnalysis a, int i) {
        if (sobol(r)) {
            SobolEstimator.Index x = a.sobol().get(i);
            return two(x.total()) + " [" + two(x.totalLower()) + ", " + two(x.totalUpper()) + "]";
        }
        MorrisEstimator.Effect e = a.morris().get(i);
        return Fmt.withCi(e.muStar(), e.muStarLower(), e.muStarUpper());
    }

    /** Two decimals, never {@code -0.00}. */
    static String two(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", Math.round(v * 100) / 100.0 + 0.0);
    }

    /** A factor's range for people: {@code 0 to 100,000}, {@code 0 to 0.2}, {@code -14 to 180}. */
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

    /** @return e.g. {@code deliveries by 2026-06-30}, {@code deliveries to ByteDance by 2026-06-30} */
    static String subject(SensitivityOutputs.Output o) {
        if (o.day() < 0) {
            return o.name();
        }
        String date = o.name().substring(o.name().lastIndexOf("deliveredBy") + "deliveredBy".length());
        return o.firm() < 0 ? "deliveries by " + date : "deliveries to " + o.name().substring(0,
                o.name().lastIndexOf(".deliveredBy")) + " by " + date;
    }

    private static String unitLabel(SensitivityOutputs.Output o) {
        return o.day() >= 0 ? "H200 units delivered (cumulative)" : o.name();
    }

    /** Capitalises a sentence's subject, but not an output's name ({@code system.capBindingShare}). */
    private static String capital(String s) {
        return s.startsWith("deliveries") ? "D" + s.substring(1) : s;
    }

    private static boolean sobol(SensitivityResult r) {
        return r.settings().method() == SupplySensitivity.Method.SOBOL;
    }

    private static double firstSum(OutputAnalysis a) {
        if (a.sobol() == null) {
            return Double.NaN;
        }
        double s = 0;
        for (SobolEstimator.Index x : a.sobol()) {
            s += x.first();
        }
        return s;
    }

    /** @return e.g. {@code Sobol' indices (Saltelli design, 512 base samples ...)} */
    static String methodLine(SensitivityResult r) {
        SupplySensitivity.Settings s = r.settings();
        int k = r.factors().size();
        String design = sobol(r) ? "Sobol' indices from a Saltelli design: " + Fmt.human(s.samples())
                + " base samples x (" + Fmt.count(k, "factor") + " + 2) = " : "Morris elementary effects: " + s.samples()
                        + " trajectories x (" + Fmt.count(k, "factor") + " + 1) on " + s.levels() + " levels = ";
        return design + Fmt.human(r.labels().size()) + " design points, " + Fmt.count(s.replications(), "replication")
                + " each with common random numbers (" + Fmt.human(r.replicationsRun()) + " replications)";
    }

    // ------------------------------------------------------------------ console

    /** Prints the answer, the leading factors of each total output and where the report went. */
    public static void console(PrintStream out, SensitivityResult r, RunInfo info) {
        out.println(r.scenario().name() + ": " + methodLine(r) + ", seed " + info.seed());
        out.println("Factors: " + String.join(", ", r.factors().stream().map(Factor::spec).toList()));
        if (!r.skipped().isEmpty()) {
            out.println("Not varied (no numeric calibrated range; add with --factor): " + String.join(", ",
                    r.skipped().stream().map(Factors.Skipped::knob).toList()));
        }
        out.println();
        for (OutputAnalysis a : r.analyses()) {
            if (!a.output().total()) {
                continue;
            }
            out.println(headline(r, a));
            if (!a.defined()) {
                out.println();
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (int i : a.ranking()) {
                Factor f = r.factors().get(i);
                if (sobol(r)) {
                    SobolEstimator.Index x = a.sobol().get(i);
                    rows.add(List.of(f.knob(), range(f), two(x.first()) + " [" + two(x.firstLower()) + ", "
                            + two(x.firstUpper()) + "]", two(x.total()) + " [" + two(x.totalLower()) + ", "
                            + two(x.totalUpper()) + "]"));
                } else {
                    MorrisEstimator.Effect e = a.morris().get(i);
                    rows.add(List.of(f.knob(), range(f), Fmt.withCi(e.muStar(), e.muStarLower(),
                            e.muStarUpper()), Fmt.human(e.sigma())));
                }
            }
            ConsoleReport.table(out, sobol(r) ? List.of("factor", "range", "first order [95% CI]",
                    "total [95% CI]") : List.of("factor", "range", "mu* [95% CI]", "sigma"), rows);
            if (!Double.isNaN(a.noiseShare())) {
                out.println("Noise: the model's randomness at fixed assumptions is " + Fmt.percent(a.noiseShare())
                        + " of the variance of one replication.");
            }
            out.println();
        }
    }

    // ------------------------------------------------------------------ report.html

    static String html(SensitivityResult r, RunInfo info, List<Charts.Png> charts) {
        String name = r.scenario().name();
        Html h = new Html("chipflow sensitivity: " + name);
        h.tag("h1", "chipflow sensitivity: " + name);
        h.p("sub", "Which assumptions matter. " + methodLine(r) + "; seed " + info.seed() + "; simulated 2026-01-01 to "
                + r.scenario().horizonEnd() + ". chipflow " + info.version() + ".");
        h.raw("<div class=\"headline\">\n");
        for (OutputAnalysis a : r.analyses()) {
            if (a.output().total()) {
                h.tag("p", headline(r, a));
            }
        }
        h.raw("</div>\n");
        h.p("note", detail(r, r.analyses().get(featured(r))) + (sobol(r) ? " \"Cases\" are single replications at "
                + "design points that sample every factor uniformly over its range (the rows of A and B), so the range "
                + "holds both the assumptions' uncertainty and the model's own randomness." : " \"Cases\" are single "
                + "replications at the Morris trajectories' points, a coarse grid of " + r.settings().levels()
                + " levels per factor: use --method sobol for a uniform sample of the ranges."));
        boolean sobol = sobol(r);
        h.tag("h2", "Which assumptions matter");
        h.p("note", sobol ? "First-order index: the share of the output's variance the factor explains alone. Total "
                + "index: the share that would go if the factor were known, interactions included (total \u2265 first; "
                + "the gap is interactions). An index near 0 means the factor can be fixed anywhere in its range. "
                + "Intervals: 95% bootstrap over the base rows."
                : "mu*: the mean absolute change of the output when the factor moves over its whole range (output "
                        + "units); sigma: how much that change varies (interactions, non-linearity). A screen: it "
                        + "ranks factors but does not split the variance; use --method sobol for shares.");
        Map<String, Charts.Png> byFile = new LinkedHashMap<>();
        charts.forEach(c -> byFile.put(c.fileName(), c));
        for (OutputAnalysis a : r.analyses()) {
            if (!a.output().total()) {
                continue;
            }
            h.tag("h3", capital(subject(a.output())));
            if (!a.defined()) {
                h.p("note", headline(r, a));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (int i : a.ranking()) {
                Factor f = r.factors().get(i);
                String what = Knobs.knob(f.knob()).description();
                if (sobol) {
                    SobolEstimator.Index x = a.sobol().get(i);
                    rows.add(List.of(f.knob(), what, range(f) + " (" + f.kind().parameter() + ")",
                            two(x.first()) + " [" + two(x.firstLower()) + ", " + two(x.firstUpper()) + "]",
                            two(x.total()) + " [" + two(x.totalLower()) + ", " + two(x.totalUpper()) + "]"));
                } else {
                    MorrisEstimator.Effect e = a.morris().get(i);
                    rows.add(List.of(f.knob(), what, range(f) + " (" + f.kind().parameter() + ")",
                            Fmt.withCi(e.muStar(), e.muStarLower(), e.muStarUpper()), Fmt.human(e.mu()),
                            Fmt.human(e.sigma())));
                }
            }
            h.table(sobol ? List.of("factor", "what it is", "range", "first order [95% CI]", "total [95% CI]")
                    : List.of("factor", "what it is", "range", "mu* [95% CI]", "mu", "sigma"), rows);
            Charts.Png png = byFile.get("indices-" + fileName(a.output().name()) + ".png");
            if (png != null) {
                h.figure(png);
            }
        }
        h.tag("h2", "How uncertain the outputs are");
        List<List<String>> unc = new ArrayList<>();
        for (OutputAnalysis a : r.analyses()) {
            if (a.output().total()) {
                unc.add(List.of(a.output().name(), Fmt.human(a.p5()), Fmt.human(a.p50()), Fmt.human(a.p95()),
                        Fmt.percent(a.noiseShare()), Fmt.percent(a.noiseShareOfMeans())));
            }
        }
        h.table(List.of("output", "5%", "median", "95%", "noise share (one replication)",
                "noise left in the point means"), unc);
        h.p("note", "Noise share: the variance between replications at the same design point (the same assumptions, "
                + "different random streams) over the variance of single replications across the design. The indices "
                + "are computed from each point's mean over " + Fmt.count(r.settings().replications(), "replication")
                + ", which leaves the second share of noise in them; with common random numbers much of it cancels "
                + "between the points a total index compares. uncertainty.csv has every output.");
        if (byFile.containsKey("histogram.png")) {
            h.figure(byFile.get("histogram.png"));
        }
        if (byFile.containsKey("scatter.png")) {
            h.figure(byFile.get("scatter.png"));
        }
        if (r.outputs().perFirm()) {
            h.tag("h2", "Per firm");
            List<List<String>> rows = new ArrayList<>();
            for (OutputAnalysis a : r.analyses()) {
                if (a.output().total()) {
                    continue;
                }
                String top = "-";
                if (a.defined()) {
                    List<String> parts = new ArrayList<>();
                    for (int i : named(r, a).isEmpty() ? a.ranking().subList(0, 1) : named(r, a)) {
                        parts.add(r.factors().get(i).knob() + " " + (sobol ? two(a.importance(i))
                                : Fmt.human(a.importance(i))));
                    }
                    top = String.join("; ", parts);
                } else if (a.p5() == a.p95()) {
                    top = "none: always " + Fmt.human(a.p50());
                }
                rows.add(List.of(subject(a.output()).replace("deliveries to ", ""), Fmt.human(a.p5()),
                        Fmt.human(a.p50()), Fmt.human(a.p95()), top));
            }
            h.table(List.of("firm, by date", "5%", "median", "95%", sobol ? "depends mostly on (total index)"
                    : "depends mostly on (mu*)"), rows);
        }
        h.tag("h2", "Factors");
        List<List<String>> fr = new ArrayList<>();
        List<String> onTimeline = new ArrayList<>();
        for (Factor f : r.factors()) {
            Knob k = Knobs.knob(f.knob());
            fr.add(List.of(f.knob(), k.description(), f.kind().parameter(), range(f), Knobs.get(r.scenario(),
                    f.knob()), f.origin().equals("calibrated") ? "calibrated range" : "--factor", k.trust()));
            if (f.onTimeline(r.scenario())) {
                onTimeline.add(f.knob());
            }
        }
        h.table(List.of("factor", "what it is", "varied through", "range", "scenario's value", "range from",
                "trust"), fr);
        h.p("note", "Each factor is uniform over its range, independently of the others. A distribution of days "
                + "varies through its mean: the scenario's distribution is scaled, keeping its shape. A date varies "
                + "through a shift in whole days; date windows through a shift of each window's end (a window that "
                + "would end before it starts is dropped). Whole-number knobs take each whole number of the range "
                + "equally often. factors.csv and design.csv hold the factors and every design point.");
        if (!onTimeline.isEmpty()) {
            h.p("note", "The scenario's timeline also changes " + String.join(", ", onTimeline) + " on a date; "
                    + "a factor sets the value from day 0 and the dated change still applies from its date.");
        }
        if (!r.skipped().isEmpty()) {
            h.tag("h3", "Assumptions not varied");
            List<List<String>> sk = new ArrayList<>();
            for (Factors.Skipped s : r.skipped()) {
                sk.add(List.of(s.knob(), Knobs.valueOverTime(r.scenario(), s.knob()), s.reason()));
            }
            h.table(List.of("knob", "held at", "why not varied"), sk);
            h.p("note", "Vary any of them with --factor KNOB=LOW..HIGH (a number, a mean in days, or a shift in "
                    + "days).");
        }
        h.tag("h2", "Method");
        h.p("note", methodMethod(r));
        Reports.knobSections(h, r.scenario());
        return h.end();
    }

    private static String methodMethod(SensitivityResult r) {
        SupplySensitivity.Settings s = r.settings();
        String common = " Every design point runs the same " + Fmt.count(s.replications(), "replication")
                + " with the same random streams (common random numbers), so two points differ only by their "
                + "factors. The design and the bootstrap draw from the streams sensitivity.design and "
                + "sensitivity.bootstrap of seed " + s.seed() + "; the results do not depend on the thread count.";
        if (sobol(r)) {
            return "Saltelli design: the base matrices A and B are the first " + Fmt.human(s.samples())
                    + " points of the Sobol' sequence in " + 2 * r.factors().size() + " dimensions (Commons Math, Joe "
                    + "and Kuo's direction numbers), randomised by a digital shift; each matrix A_B^i is A with column "
                    + "i from B. First-order index: Saltelli et al. (2010), mean(f(B) (f(A_B^i) - f(A))) / V; total: "
                    + "Jansen (1999), mean((f(A) - f(A_B^i))^2) / 2V; V the variance of f over A and B. Intervals: "
                    + Fmt.human(s.bootstrap()) + " bootstrap resamples of the base rows, percentiles "
                    + Fmt.percent((1 - s.level()) / 2) + " and " + Fmt.percent((1 + s.level()) / 2)
                    + " (Commons Statistics). The bootstrap treats the quasi-random rows as independent, which "
                    + "makes the intervals conservative." + common;
        }
        return "Morris: " + s.samples() + " trajectories on a grid of " + s.levels() + " levels, each moving every "
                + "factor once by 2/3 of its range (in a random order, from a random start); elementary effect = "
                + "change of the output / change of the factor, per whole range. mu* = mean |effect|, sigma = "
                + "standard deviation of the effects; mu* interval: " + Fmt.human(s.bootstrap()) + " bootstrap "
                + "resamples of the trajectories." + common;
    }
}
