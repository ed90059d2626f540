package dev.chipflow.report;

import static dev.chipflow.report.SensitivityText.capital;
import static dev.chipflow.report.SensitivityText.detail;
import static dev.chipflow.report.SensitivityText.featured;
import static dev.chipflow.report.SensitivityText.headline;
import static dev.chipflow.report.SensitivityText.methodLine;
import static dev.chipflow.report.SensitivityText.named;
import static dev.chipflow.report.SensitivityText.range;
import static dev.chipflow.report.SensitivityText.sobol;
import static dev.chipflow.report.SensitivityText.subject;
import static dev.chipflow.report.SensitivityText.two;

import dev.chipflow.sensitivity.Factor;
import dev.chipflow.sensitivity.Factors;
import dev.chipflow.sensitivity.MorrisEstimator;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SensitivityResult.OutputAnalysis;
import dev.chipflow.sensitivity.SobolEstimator;
import dev.chipflow.sensitivity.SupplySensitivity;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report.html of a sensitivity analysis: the headlines, the indices of each total output with their charts, how
 * uncertain the outputs are, the per-firm outputs, the factors and those left out, and the method. A pure function of
 * the result, like every file of {@link SensitivityReports}.
 */
final class SensitivityHtml {

    private SensitivityHtml() {
    }

    /**
     * @param r      the analysis
     * @param info   how it was made
     * @param charts the analysis's charts, in {@link SensitivityReports#charts} order; each is shown where it belongs
     * @return the page
     */
    static String of(SensitivityResult r, RunInfo info, List<Charts.Png> charts) {
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
            Charts.Png png = byFile.get(SensitivityReports.indicesFile(a.output()));
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
        h.p("note", method(r));
        Reports.knobSections(h, r.scenario());
        return h.end();
    }

    /** The Method section: the design and the estimators, with their references, so the numbers can be checked. */
    private static String method(SensitivityResult r) {
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
