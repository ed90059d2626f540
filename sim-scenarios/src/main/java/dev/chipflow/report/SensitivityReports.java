package dev.chipflow.report;

import static dev.chipflow.report.SensitivityText.TOP;
import static dev.chipflow.report.SensitivityText.capital;
import static dev.chipflow.report.SensitivityText.featured;
import static dev.chipflow.report.SensitivityText.subject;
import static dev.chipflow.report.SensitivityText.unitLabel;

import dev.chipflow.sensitivity.SensitivityOutputs;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SensitivityResult.OutputAnalysis;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a sensitivity analysis (sensitivity.csv, uncertainty.csv, factors.csv, design.csv, the charts,
 * report.html) and its console summary. Pure functions of the result and {@link RunInfo}: no clock, no thread count.
 * The entry point the command and the benchmarks call; the CSV files, the page, the console and the sentences they
 * share are each in a class of their own.
 */
public final class SensitivityReports {

    private SensitivityReports() {
    }

    /**
     * @param r    the analysis
     * @param info how it was made
     * @return file name to contents, in a fixed order
     */
    public static Map<String, byte[]> files(SensitivityResult r, RunInfo info) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sensitivity.csv", Reports.utf8(SensitivityCsv.sensitivity(r)));
        files.put("uncertainty.csv", Reports.utf8(SensitivityCsv.uncertainty(r)));
        files.put("factors.csv", Reports.utf8(SensitivityCsv.factors(r)));
        files.put("design.csv", Reports.utf8(SensitivityCsv.design(r)));
        List<Charts.Png> charts = charts(r);
        for (Charts.Png p : charts) {
            files.put(p.fileName(), p.bytes());
        }
        files.put("report.html", Reports.utf8(SensitivityHtml.of(r, info, charts)));
        return files;
    }

    /**
     * The answer in words, one line per total output: which factors it depends on and its 90% range.
     *
     * @param r the analysis
     * @return the lines
     */
    public static List<String> headlines(SensitivityResult r) {
        return SensitivityText.headlines(r);
    }

    /**
     * Prints the answer, the leading factors of each total output and where the report went.
     *
     * @param out  where to print
     * @param r    the analysis
     * @param info how it was made
     */
    public static void console(PrintStream out, SensitivityResult r, RunInfo info) {
        SensitivityConsole.print(out, r, info);
    }

    /**
     * @param r the analysis
     * @return its charts with their captions: the indices of each total output whose indices are defined, then the
     *         featured output's histogram and scatter plots when there is something to show
     */
    static List<Charts.Png> charts(SensitivityResult r) {
        List<Charts.Png> charts = new ArrayList<>();
        boolean sobol = SensitivityText.sobol(r);
        for (int o = 0; o < r.analyses().size(); o++) {
            OutputAnalysis a = r.analyses().get(o);
            if (!a.output().total() || !a.defined()) {
                continue;
            }
            String what = sobol ? "Sobol' indices, 95% bootstrap intervals" : "Morris mu* (95% interval) and sigma";
            charts.add(new Charts.Png(indicesFile(a.output()),
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
     * @param o an output
     * @return the file of its indices chart, e.g. {@code indices-all.deliveredBy2026-06-30.png}; report.html finds
     *         the chart by this name
     */
    static String indicesFile(SensitivityOutputs.Output o) {
        return "indices-" + o.name().replaceAll("[^A-Za-z0-9.-]", "-") + ".png";
    }
}
