package dev.chipflow.report;

import dev.chipflow.cli.BuildInfo;
import dev.chipflow.experiment.Comparison;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a report (CSV, PNG charts, report.html), by file name, in a fixed order. Everything here is a pure
 * function of the results, the scenario and {@link RunInfo}: no clock, no thread count.
 */
public final class Reports {

    private Reports() {
    }

    // ------------------------------------------------------------------ one scenario

    /**
     * @param a    the run
     * @param info how it was made
     * @return file name to contents: summary.csv, firms.csv, daily.csv, attribution.csv, the charts, report.html
     */
    public static Map<String, byte[]> run(RunAnalysis a, RunInfo info) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("summary.csv", utf8(CsvReports.summary(a.table())));
        files.put("firms.csv", utf8(CsvReports.firms(a)));
        files.put("daily.csv", utf8(CsvReports.daily(a)));
        files.put("attribution.csv", utf8(CsvReports.attribution(a)));
        if (!a.scenario().timeline().isEmpty()) {
            files.put("timeline.csv", utf8(TimelineReport.csv(a.scenario())));
        }
        List<Charts.Png> charts = runCharts(a);
        for (Charts.Png p : charts) {
            files.put(p.fileName(), p.bytes());
        }
        files.put("report.html", utf8(RunHtml.of(a, info, charts)));
        return files;
    }

    static List<Charts.Png> runCharts(RunAnalysis a) {
        List<Charts.Png> charts = new ArrayList<>();
        charts.add(new Charts.Png("deliveries.png", "Cumulative deliveries per firm, with 95% CI band",
                Charts.png(RunCharts.deliveries(a))));
        charts.add(new Charts.Png("stages-at-end.png", "Where the ordered units are at the end of the run",
                Charts.png(RunCharts.stages(a, true))));
        charts.add(new Charts.Png("attribution.png", "Stage in which each firm's units waited longest",
                Charts.png(RunCharts.stages(a, false))));
        charts.add(new Charts.Png("cap-headroom.png", "Room under the export cap over time",
                Charts.png(RunCharts.capHeadroom(a))));
        charts.add(new Charts.Png("lab.png", "Test lab queue and lines busy", Charts.png(RunCharts.lab(a))));
        charts.add(new Charts.Png("inventory.png", "Nvidia inventory", Charts.png(RunCharts.inventory(a))));
        return charts;
    }

    /** @return the swept knobs with the values they take, for the knob tables of a sweep */
    private static Map<String, String> sweptKnobs(SweepAnalysis sw) {
        Map<String, String> swept = new LinkedHashMap<>();
        swept.put(sw.knob(), "swept: " + String.join(", ", sw.labels()));
        if (sw.isGrid()) {
            swept.put(sw.knob2(), "swept: " + String.join(", ", sw.labels2()));
        }
        return swept;
    }

    /** The assumption knobs, every knob of the scenario and its firms: the end of every report.html. */
    static void knobSections(Html h, Scenario s) {
        knobSections(h, s, Map.of());
    }

    /**
     * The assumptions, every knob and the firms.
     *
     * @param swept knobs a sweep varies, with the text shown instead of the first point's value
     */
    static void knobSections(Html h, Scenario s, Map<String, String> swept) {
        h.tag("h2", "Assumptions (knobs without a public source)");
        List<List<String>> assumptions = new ArrayList<>();
        for (Knob k : Knobs.all()) {
            if (k.isAssumption()) {
                assumptions.add(List.of(k.name(), swept.getOrDefault(k.name(), Knobs.valueOverTime(s, k.name())), k.unit(), k.description(), k.calibrated()));
            }
        }
        h.table(List.of("knob", "value", "unit", "meaning", "range to test"), assumptions);
        h.tag("h2", "Scenario knobs");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Knob k : Knobs.all()) {
            rows.add(List.of(k.name(), swept.getOrDefault(k.name(), Knobs.valueOverTime(s, k.name())), k.unit(), k.trust(), k.description(), k.source()));
            classes.add(k.isAssumption() ? "assumption" : null);
        }
        h.table(List.of("knob", "value", "unit", "trust", "meaning", "source"), rows, classes);
        h.p("note", "Trust: H = the rule text or several consistent reports; M = one reputable report; "
                + "L = an estimate; assumption = no public source (highlighted).");
        h.tag("h3", "Firms (knobs firm.NAME.orders, .approvals, .priority)");
        List<List<String>> firms = new ArrayList<>();
        int shown = 0;
        for (Firm f : s.firms()) {
            if (shown++ == 50) {
                firms.add(List.of("... " + (s.firms().size() - 50) + " more firms (see manifest.json)", "", "", ""));
                break;
            }
            firms.add(List.of(f.name(), Knobs.get(s, "firm." + f.name() + ".orders"),
                    Knobs.get(s, "firm." + f.name() + ".approvals"), Integer.toString(f.priority())));
        }
        h.table(List.of("firm", "orders (date:units)", "approvals (date:units:kind)", "priority"), firms);
    }

    // ------------------------------------------------------------------ sweeps

    /**
     * @param sw   the sweep
     * @param info how it was made
     * @return file name to contents: sweep.csv, the charts, report.html
     */
    public static Map<String, byte[]> sweep(SweepAnalysis sw, RunInfo info) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sweep.csv", utf8(CsvReports.sweep(sw, info)));
        List<Charts.Png> charts = sweepCharts(sw, info);
        for (Charts.Png p : charts) {
            files.put(p.fileName(), p.bytes());
        }
        files.put("report.html", utf8(sweepHtml(sw, info, charts)));
        return files;
    }

    static List<Charts.Png> sweepCharts(SweepAnalysis sw, RunInfo info) {
        List<Charts.Png> charts = new ArrayList<>();
        RunAnalysis first = sw.point(0, 0);
        String end = first.lastDate().toString();
        // One chart per analysis date before the end: what a knob changes by mid-year can vanish by December.
        for (LocalDate date : info.analysisDates(first)) {
            if (date.equals(first.lastDate())) {
                continue;
            }
            charts.add(new Charts.Png("sweep-delivered-" + date + ".png", "Units delivered to all firms by " + date
                    + " against " + sw.axisLabel(), Charts.png(SweepCharts.curve(sw, "all firms", p -> p.deliveredBy(
                            date), "H200 units delivered to all firms by " + date + ", units (mean, 95% CI)",
                            "H200 units delivered"))));
        }
        charts.add(new Charts.Png("sweep-delivered.png", "Units delivered to all firms against " + sw.axisLabel(),
                Charts.png(SweepCharts.curves(sw, List.<String[]>of(new String[] {"all.delivered", "all firms"}),
                        "H200 units delivered to all firms by " + end + ", units (mean, 95% CI)",
                        "H200 units delivered"))));
        if (!sw.isGrid() && first.firms().size() <= FirmGroup.MAX_SERIES) {
            List<String[]> perFirm = new ArrayList<>();
            for (String f : first.firms()) {
                perFirm.add(new String[] {f + ".delivered", f});
            }
            charts.add(new Charts.Png("sweep-delivered-per-firm.png", "Units delivered per firm against "
                    + sw.axisLabel(), Charts.png(SweepCharts.curves(sw, perFirm, "H200 units delivered per firm by "
                            + end + ", units (mean, 95% CI)", "H200 units delivered"))));
        }
        if (sw.isGrid()) {
            charts.add(new Charts.Png("sweep-cap-binding.png", "Share of time the cap binds", Charts.png(
                    SweepCharts.curves(sw, List.<String[]>of(new String[] {"system.capBindingShare", "cap binding"}),
                            "Share of the time a shipment waits at the export cap (mean, 95% CI)", "share"))));
        } else {
            charts.add(new Charts.Png("sweep-bottlenecks.png", "Cap binding share and lab utilisation",
                    Charts.png(SweepCharts.curves(sw, List.of(
                            new String[] {"system.capBindingShare", "share of time the cap binds"},
                            new String[] {"system.labUtilisation", "lab utilisation"}),
                            "Bottlenecks: cap binding share and lab utilisation, share of time (mean, 95% CI)",
                            "share"))));
        }
        return charts;
    }

    static String sweepHtml(SweepAnalysis sw, RunInfo info, List<Charts.Png> charts) {
        RunAnalysis first = sw.point(0, 0);
        Html h = new Html("chipflow sweep: " + sw.name());
        h.tag("h1", "chipflow sweep: " + sw.name());
        String over = sw.isGrid() ? sw.knob() + " \u00d7 " + sw.knob2() : sw.knob();
        h.p("sub", "Base scenario " + baseName(sw) + ", knob " + over + "; " + Fmt.count(first.replications(), "replication")
                + " per point with common random numbers, seed " + info.seed() + ", simulated "
                + first.date(0) + " to " + first.lastDate() + ". chipflow " + info.version() + ".");
        h.raw("<div class=\"headline\">\n");
        h.tag("p", sweepHeadline(sw));
        h.raw("</div>\n");
        boolean record = first.index(NamedScenarios.RECORD_DATE) >= 0;
        List<String> header = new ArrayList<>();
        header.add(sw.axisLabel());
        if (sw.isGrid()) {
            header.add(sw.axisLabel2());
        }
        if (record) {
            header.add("delivered by " + NamedScenarios.RECORD_DATE + " [95% CI]");
        }
        header.addAll(List.of("delivered by " + first.lastDate() + " [95% CI]", "cap binding share",
                "lab wait, days", "binding stage"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < sw.labels().size(); i++) {
            for (int j = 0; j < Math.max(1, sw.labels2().size()); j++) {
                RunAnalysis p = sw.point(i, j);
                List<String> row = new ArrayList<>();
                row.add(sw.labels().get(i));
                if (sw.isGrid()) {
                    row.add(sw.labels2().get(j));
                }
                if (record) {
                    row.add(ci(p.deliveredBy(NamedScenarios.RECORD_DATE)));
                }
                row.add(ci(p.summary("all.delivered")));
                row.add(Fmt.percent(p.summary("system.capBindingShare").mean()));
                row.add(Fmt.human(p.summary("system.labMeanWaitDays").mean()));
                row.add(topStage(p));
                rows.add(row);
            }
        }
        h.tag("h2", "Results per point");
        h.table(header, rows);
        h.p("note", "Binding stage: the stage where most units (all firms) waited longest. sweep.csv holds every "
                + "output at every point with its 95% CI.");
        for (Charts.Png p : charts) {
            h.figure(p);
        }
        knobSections(h, first.scenario(), sweptKnobs(sw));
        return h.end();
    }

    private static String baseName(SweepAnalysis sw) {
        return sw.point(0, 0).scenario().name();
    }

    private static String sweepHeadline(SweepAnalysis sw) {
        int n = sw.labels().size();
        int n2 = Math.max(1, sw.labels2().size());
        int lo = 0;
        int hi = 0;
        for (int k = 0; k < n * n2; k++) {
            double v = sw.points().get(k).summary("all.delivered").mean();
            if (v < sw.points().get(lo).summary("all.delivered").mean()) {
                lo = k;
            }
            if (v > sw.points().get(hi).summary("all.delivered").mean()) {
                hi = k;
            }
        }
        return "Units delivered to all firms by " + sw.point(0, 0).lastDate() + " range from "
                + Headlines.units(sw.points().get(lo).summary("all.delivered")) + " at " + pointLabel(sw, lo)
                + " to " + Headlines.units(sw.points().get(hi).summary("all.delivered")) + " at "
                + pointLabel(sw, hi) + ".";
    }

    private static String pointLabel(SweepAnalysis sw, int k) {
        int n2 = Math.max(1, sw.labels2().size());
        String l = sw.knob() + " = " + sw.labels().get(k / n2);
        return sw.isGrid() ? l + ", " + sw.knob2() + " = " + sw.labels2().get(k % n2) : l;
    }

    private static String topStage(RunAnalysis p) {
        Stage binding = p.bindingStageOfAll();
        return binding == null ? "-" : binding.label();
    }

    // ------------------------------------------------------------------ comparisons

    /**
     * @param c    the comparison
     * @param info how it was made
     * @return file name to contents: comparison.csv, firms-a.csv, firms-b.csv, the charts, report.html
     */
    public static Map<String, byte[]> comparison(ComparisonAnalysis c, RunInfo info) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("comparison.csv", utf8(CsvReports.comparison(c, info)));
        files.put("firms-a.csv", utf8(CsvReports.firms(c.a())));
        files.put("firms-b.csv", utf8(CsvReports.firms(c.b())));
        List<Charts.Png> charts = List.of(
                new Charts.Png("comparison-deliveries.png", "Cumulative deliveries to all firms, A and B",
                        Charts.png(ComparisonCharts.comparisonDeliveries(c))),
                new Charts.Png("comparison-gap.png", "Difference B \u2212 A over time, with 95% CI band",
                        Charts.png(ComparisonCharts.gap(c))),
                new Charts.Png("comparison-differences.png", "Difference B \u2212 A per firm at the end, with 95% CI",
                        Charts.png(ComparisonCharts.comparisonDifferences(c))));
        for (Charts.Png p : charts) {
            files.put(p.fileName(), p.bytes());
        }
        files.put("report.html", utf8(comparisonHtml(c, info, charts)));
        return files;
    }

    static String comparisonHtml(ComparisonAnalysis c, RunInfo info, List<Charts.Png> charts) {
        Html h = new Html("chipflow comparison: " + c.a().scenario().name() + " vs " + c.b().scenario().name());
        h.tag("h1", "chipflow comparison");
        h.p("sub", c.labelA() + " against " + c.labelB() + ", " + Fmt.count(c.a().replications(), "replication")
                + " each with common random numbers (replication i of both uses the same streams), "
                + "seed " + info.seed() + ". chipflow " + info.version() + ".");
        h.raw("<div class=\"headline\">\n");
        for (String line : Headlines.comparison(c, info)) {
            h.tag("p", line);
        }
        h.raw("</div>\n");
        h.tag("h2", "What differs between A and B");
        List<List<String>> diffs = new ArrayList<>();
        for (String[] k : BaseDifferences.between(c.a().scenario(), c.b().scenario())) {
            diffs.add(List.of(k));
        }
        if (diffs.isEmpty()) {
            h.p("note", "The two scenarios have the same knobs: every difference below is zero.");
        } else {
            h.table(List.of("knob", "A", "B"), diffs);
        }
        // The numbered markers on the time chart are B's dated changes.
        TimelineReport.section(h, c.b().scenario());
        h.tag("h2", "B \u2212 A over time, per firm");
        List<LocalDate> dates = info.analysisDates(c.a());
        List<String> header = new ArrayList<>(List.of("firm"));
        dates.forEach(d -> header.add("B \u2212 A by " + d + " [95% CI]"));
        List<List<String>> byDate = new ArrayList<>();
        for (String f : c.a().firms()) {
            List<String> row = new ArrayList<>(List.of(f));
            dates.forEach(d -> row.add(ci(c.deliveredByDifference(f, d))));
            byDate.add(row);
        }
        List<String> all = new ArrayList<>(List.of("all"));
        dates.forEach(d -> all.add(ci(c.deliveredByDifference(d))));
        byDate.add(all);
        h.table(header, byDate);
        h.p("note", "Units delivered by the end of each date, B minus A, paired replication by replication (common "
                + "random numbers). A firm in one scenario only counts as zero in the other.");
        h.tag("h2", "Units delivered per firm by the end of the run");
        List<List<String>> rows = new ArrayList<>();
        for (String f : c.a().firms()) {
            rows.add(differenceRow(c, f, f + ".delivered"));
        }
        rows.add(differenceRow(c, "all", "all.delivered"));
        h.table(List.of("firm", "A [95% CI]", "B [95% CI]", "B \u2212 A [95% CI]", "real difference?"), rows);
        for (Charts.Png p : charts) {
            h.figure(p);
        }
        h.tag("h2", "System outputs");
        List<List<String>> sys = new ArrayList<>();
        for (String name : c.difference().outputs().keySet()) {
            if (name.startsWith("system.") || name.startsWith("all.")) {
                sys.add(differenceRow(c, OutputNames.meaning(name) + " (" + name + ")", name));
            }
        }
        h.table(List.of("output", "A [95% CI]", "B [95% CI]", "B \u2212 A [95% CI]", "real difference?"), sys);
        h.p("note", "comparison.csv holds every output; firms-a.csv and firms-b.csv the per-firm tables.");
        h.tag("h2", "Scenario A");
        knobSections(h, c.a().scenario());
        return h.end();
    }

    private static List<String> differenceRow(ComparisonAnalysis c, String label, String output) {
        Summary d = c.difference().get(output);
        return List.of(label, ci(c.a().summary(output)), ci(c.b().summary(output)), ci(d),
                CsvReports.significant(d) ? "yes" : "no");
    }

    // ------------------------------------------------------------------ from code

    /**
     * Writes the report of one scenario's replications to {@code dir}, whole or not at all: the files
     * {@code chipflow run --out dir} writes (summary.csv, firms.csv, daily.csv, attribution.csv, the charts,
     * report.html) and its manifest.json. The manifest's {@code arguments} are empty and its {@code threads} 0 (the
     * report was made from code); {@code chipflow rerun} reads the scenario from its knobs.
     *
     * @param scenario the scenario run
     * @param results  its replications in replication order, e.g. from
     *                 {@link dev.chipflow.experiment.ReplicationRunner#run}
     * @param seed     the master seed they were run with
     * @param dir      the report directory: new, empty, or an earlier chipflow report (replaced)
     * @return the report directory's absolute path
     * @throws ReportException if the directory cannot be written
     */
    public static Path write(Scenario scenario, List<SupplyResult> results, long seed, Path dir) {
        ReportDirectory.check(dir);
        RunInfo info = new RunInfo(seed, results.size(), BuildInfo.version());
        Map<String, byte[]> files = run(new RunAnalysis(scenario, results), info);
        files.put(ReportDirectory.MARKER, Manifest.run(fromCode(seed, results.size()), scenario, files));
        return ReportDirectory.write(dir, files);
    }

    /**
     * Writes the report of two scenarios compared with common random numbers to {@code dir}, whole or not at all:
     * the files {@code chipflow compare A B --out dir} writes and its manifest.json (as for
     * {@link #write(Scenario, List, long, Path)}).
     *
     * @param a          scenario A
     * @param b          scenario B, with the same firms
     * @param comparison their replications, from {@link Comparison#run}
     * @param seed       the master seed they were run with
     * @param dir        the report directory: new, empty, or an earlier chipflow report (replaced)
     * @return the report directory's absolute path
     * @throws ReportException if the directory cannot be written
     */
    public static Path write(Scenario a, Scenario b, Comparison<SupplyResult> comparison, long seed, Path dir) {
        ReportDirectory.check(dir);
        int replications = comparison.a().size();
        RunInfo info = new RunInfo(seed, replications, BuildInfo.version());
        ComparisonAnalysis c = ComparisonAnalysis.of(a, comparison.a(), b, comparison.b());
        Map<String, byte[]> files = comparison(c, info);
        files.put(ReportDirectory.MARKER, Manifest.comparison(fromCode(seed, replications), a, b, files));
        return ReportDirectory.write(dir, files);
    }

    private static Manifest.Provenance fromCode(long seed, int replications) {
        return new Manifest.Provenance(BuildInfo.version(), BuildInfo.gitCommit(), seed, replications, 0,
                SupplyModel.streamNames(), List.of(), List.of());
    }

    // ------------------------------------------------------------------ helpers

    static String ci(Summary s) {
        return Fmt.withCi(s.mean(), s.lower(), s.upper());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
