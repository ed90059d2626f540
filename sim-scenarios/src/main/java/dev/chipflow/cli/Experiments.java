package dev.chipflow.cli;


import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.explain.Explain;
import dev.chipflow.explain.Explanation;
import dev.chipflow.explain.Rule;
import dev.chipflow.report.ComparisonAnalysis;
import dev.chipflow.report.ConsoleReport;
import dev.chipflow.report.ExplainReport;
import dev.chipflow.report.Manifest;
import dev.chipflow.report.ReportDirectory;
import dev.chipflow.report.Reports;
import dev.chipflow.report.RunAnalysis;
import dev.chipflow.report.RunInfo;
import dev.chipflow.report.SweepAnalysis;
import dev.chipflow.scenarios.ScenarioException;
import dev.chipflow.supply.Calendar;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Runs what a command asks for, prints the console summary and writes the report. */
final class Experiments {

    private Experiments() {
    }

    static void run(ChipflowCli cli, Scenario s, ExperimentOptions o) {
        o.checkDates(Calendar.EPOCH, s.horizonEnd());
        RunInfo info = info(o);
        RunAnalysis a;
        Map<String, byte[]> files = null;
        try (ProgressReporter p = progress(cli, o, s.name(), o.replications);
                ExperimentEngine engine = o.engine(p)) {
            a = RunAnalysis.run(engine, s, o.replications, o.seed);
            if (o.out != null) {
                p.phase("writing the report");
                files = Reports.run(a, info);
                files.put(ReportDirectory.MARKER, Manifest.run(provenance(cli, o), s, files));
            }
        }
        ConsoleReport.run(cli.out(), a, info);
        writeOrHint(cli.out(), o.out, files);
    }

    static void compare(ChipflowCli cli, Scenario first, Scenario second, ExperimentOptions o) {
        // A firm in one scenario only is a firm with nothing ordered in the other: it shows as zero there.
        Scenario a = first.withFirmsOf(second);
        Scenario b = second.withFirmsOf(first);
        o.checkDates(Calendar.EPOCH, a.horizonEnd().isBefore(b.horizonEnd()) ? a.horizonEnd() : b.horizonEnd());
        RunInfo info = info(o);
        ComparisonAnalysis ca;
        Map<String, byte[]> files = null;
        try (ProgressReporter p = progress(cli, o, "compare", o.replications);
                ExperimentEngine engine = o.engine(p)) {
            ca = ComparisonAnalysis.run(engine, a, b, o.replications, o.seed);
            if (o.out != null) {
                p.phase("writing the report");
                files = Reports.comparison(ca, info);
                files.put(ReportDirectory.MARKER, Manifest.comparison(provenance(cli, o), a, b, files));
            }
        }
        ConsoleReport.comparison(cli.out(), ca, info);
        writeOrHint(cli.out(), o.out, files);
    }

    static void sweep(ChipflowCli cli, SweepSpec spec, ExperimentOptions o) {
        List<Scenario> scenarios = spec.scenarios();
        for (Scenario s : scenarios) {
            o.checkDates(Calendar.EPOCH, s.horizonEnd());
        }
        RunInfo info = info(o);
        SweepAnalysis sa;
        Map<String, byte[]> files = null;
        try (ProgressReporter p = progress(cli, o, "sweep " + spec.name(), scenarios.size() * o.replications);
                ExperimentEngine engine = o.engine(p)) {
            List<RunAnalysis> points = RunAnalysis.run(engine, scenarios, o.replications, o.seed);
            sa = new SweepAnalysis(spec.name(), spec.knob(), spec.axisLabel(), spec.labels(), spec.values(),
                    spec.knob2(), spec.axisLabel2(), spec.labels2(), spec.values2(), points);
            if (o.out != null) {
                p.phase("writing the report");
                files = Reports.sweep(sa, info);
                files.put(ReportDirectory.MARKER, Manifest.sweep(provenance(cli, o), sa, spec.base(), files));
            }
        }
        ConsoleReport.sweep(cli.out(), sa, info);
        writeOrHint(cli.out(), o.out, files);
    }

    static void explain(ChipflowCli cli, Scenario s, List<LocalDate> dates, Long budget, ExperimentOptions o) {
        RunInfo info = info(o);
        long limit = budget == null ? 0 : budget;
        List<Rule> rules = List.of(Rule.values());
        Explanation e;
        try (ProgressReporter p = new ProgressReporter(o.mode(), "explain " + s.name(), cli.err(), " model runs");
                ExperimentEngine engine = o.engine(p)) {
            p.expect((int) Explain.runs(rules.size(), o.replications, limit));
            e = Explain.run(engine, s, rules, dates, o.replications, o.seed, limit);
        }
        ExplainReport.console(cli.out(), e, info);
        Map<String, byte[]> files = null;
        if (o.out != null) {
            files = ExplainReport.files(e, info);
            files.put(ReportDirectory.MARKER, Manifest.explain(provenance(cli, o), e, budget, files));
        }
        writeOrHint(cli.out(), o.out, files);
    }

    private static RunInfo info(ExperimentOptions o) {
        return new RunInfo(o.seed, o.replications, BuildInfo.version(), o.analysisDates());
    }

    private static Manifest.Provenance provenance(ChipflowCli cli, ExperimentOptions o) {
        return new Manifest.Provenance(BuildInfo.version(), BuildInfo.gitCommit(), o.seed, o.replications,
                o.threadCount(), SupplyModel.streamNames(), cli.arguments(),
                o.analysisDates().stream().map(LocalDate::toString).toList());
    }

    /** Knows the replications before the engine starts, which may take seconds (Spark). */
    private static ProgressReporter progress(ChipflowCli cli, ExperimentOptions o, String task, int replications) {
        ProgressReporter p = new ProgressReporter(o.mode(), task, cli.err());
        p.expect(replications);
        return p;
    }

    /** Writes the report to {@code dir} and says where, or, with no report asked for (null files), how to ask. */
    private static void writeOrHint(PrintStream out, Path dir, Map<String, byte[]> files) {
        if (files != null) {
            written(out, ReportDirectory.write(dir, files), files);
        } else {
            hint(out);
        }
    }

    private static void written(PrintStream out, Path dir, Map<String, byte[]> files) {
        out.println();
        out.println("Report written to " + dir + " (" + files.size() + " files: " + String.join(", ",
                files.keySet()) + ")");
        out.println("Open " + dir.resolve("report.html") + " in a browser.");
    }

    private static void hint(PrintStream out) {
        out.println();
        out.println("(Add --out DIR to write the CSV files, charts, report.html and manifest.json.)");
    }
}
