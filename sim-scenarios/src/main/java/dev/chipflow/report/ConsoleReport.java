package dev.chipflow.report;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Stage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The concise tables printed on the console after a run, a comparison or a sweep. */
public final class ConsoleReport {

    /** Firms listed one by one; the rest are in firms.csv. */
    static final int MAX_FIRMS = 25;

    private ConsoleReport() {
    }

    /** Prints the per-firm table and the headline of a run. */
    public static void run(PrintStream out, RunAnalysis a, RunInfo info) {
        out.println(a.scenario().name() + ": " + Fmt.count(a.replications(), "replication") + ", seed " + info.seed()
                + ", simulated " + a.date(0) + " to " + a.lastDate());
        String changed = BaseDifferences.sentence(a.scenario());
        if (!changed.isEmpty()) {
            out.println(changed);
        }
        List<String> changes = TimelineReport.lines(a.scenario());
        if (!changes.isEmpty()) {
            out.println("Rules that change during the run (each from the start of its date):");
            changes.forEach(out::println);
        }
        out.println();
        List<String> header = List.of("firm", "ordered", "approved", "converted", "delivered [95% CI]",
                "lead time, d (mean / median)", "binding stage", "after China");
        List<List<String>> rows = new ArrayList<>();
        int n = a.firms().size();
        for (int i = 0; i < n && i < MAX_FIRMS; i++) {
            String f = a.firms().get(i);
            Stage b = a.bindingStage(i);
            rows.add(List.of(f, Fmt.human(a.firm(f, "ordered").mean()), Fmt.human(a.firm(f, "approved").mean()),
                    Fmt.human(a.firm(f, "converted").mean()), Reports.ci(a.firm(f, "delivered")),
                    Headlines.leadTime(a, f), b == null ? "-" : b.label(), label(a.bindingStageAfterChina(i))));
        }
        if (n > MAX_FIRMS) {
            rows.add(List.of("... " + (n - MAX_FIRMS) + " more", "", "", "", "", "", "", ""));
        }
        rows.add(List.of("all", Fmt.human(a.summary("all.ordered").mean()),
                Fmt.human(a.summary("all.approved").mean()), Fmt.human(a.summary("all.converted").mean()),
                Reports.ci(a.summary("all.delivered")), "", "", ""));
        table(out, header, rows);
        out.println();
        for (String line : Headlines.run(a)) {
            out.println(line);
        }
        out.println("System: cap binding " + Fmt.percent(a.summary("system.capBindingShare").mean())
                + " of the time; lab utilisation " + Fmt.percent(a.summary("system.labUtilisation").mean())
                + ", mean wait " + Fmt.human(a.summary("system.labMeanWaitDays").mean()) + " days; revenue "
                + usd(a.summary("system.revenueUsd").mean()) + " (US take " + usd(a.summary("system.usTakeUsd")
                        .mean()) + "); delivered " + Fmt.human(a.summary("all.deliveredH20eq").mean())
                + " H20-equivalents (H200 units weighted by total processing performance, the US rules' measure), "
                + Fmt.human(a.summary("all.deliveredPflops").mean()) + " PFLOPS of dense BF16 compute.");
    }

    private static String label(Stage s) {
        return s == null ? "-" : s.label();
    }

    /** Prints the headline and the per-firm differences of a comparison. */
    public static void comparison(PrintStream out, ComparisonAnalysis c, RunInfo info) {
        out.println(c.labelA() + " vs " + c.labelB() + ": " + Fmt.count(c.a().replications(), "replication")
                + " each, common random numbers, seed " + info.seed());
        out.println();
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < c.a().firms().size() && i < MAX_FIRMS; i++) {
            names.add(c.a().firms().get(i));
        }
        names.add("all");
        for (String f : names) {
            String o = f + ".delivered";
            Summary d = c.difference().get(o);
            rows.add(List.of(f, Reports.ci(c.a().summary(o)), Reports.ci(c.b().summary(o)), Reports.ci(d),
                    CsvReports.significant(d) ? "yes" : "no"));
        }
        table(out, List.of("firm", "A delivered", "B delivered", "B - A [95% CI]", "real?"), rows);
        out.println();
        for (String line : Headlines.comparison(c, info)) {
            out.println(line);
        }
    }

    /** Prints one row per point of a sweep. */
    public static void sweep(PrintStream out, SweepAnalysis s, RunInfo info) {
        RunAnalysis first = s.point(0, 0);
        out.println("sweep " + s.name() + " over " + (s.isGrid() ? s.knob() + " x " + s.knob2() : s.knob()) + ": "
                + Fmt.count(first.replications(), "replication") + " per point, common random numbers, seed " + info.seed());
        out.println();
        boolean record = first.index(NamedScenarios.RECORD_DATE) >= 0;
        List<String> header = new ArrayList<>();
        header.add(s.knob());
        if (s.isGrid()) {
            header.add(s.knob2());
        }
        if (record) {
            header.add("by " + NamedScenarios.RECORD_DATE);
        }
        header.addAll(List.of("delivered by " + first.lastDate() + " [95% CI]", "cap binding", "lab wait (d)"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < s.labels().size(); i++) {
            for (int j = 0; j < Math.max(1, s.labels2().size()); j++) {
                RunAnalysis p = s.point(i, j);
                List<String> row = new ArrayList<>();
                row.add(s.labels().get(i));
                if (s.isGrid()) {
                    row.add(s.labels2().get(j));
                }
                if (record) {
                    row.add(Fmt.human(p.deliveredBy(NamedScenarios.RECORD_DATE).mean()));
                }
                row.add(Reports.ci(p.summary("all.delivered")));
                row.add(Fmt.percent(p.summary("system.capBindingShare").mean()));
                row.add(Fmt.human(p.summary("system.labMeanWaitDays").mean()));
                rows.add(row);
            }
        }
        table(out, header, rows);
    }

    private static String usd(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 1e9) {
            return String.format(java.util.Locale.ROOT, "$%.2f bn", v / 1e9);
        }
        if (Math.abs(v) >= 1e6) {
            return String.format(java.util.Locale.ROOT, "$%.1f m", v / 1e6);
        }
        return "$" + Fmt.human(v);
    }

    /** Prints a table with columns padded to their widest cell; numbers right-aligned. */
    static void table(PrintStream out, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        out.println(line(header, w, false));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < w.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(w[c]));
        }
        out.println(rule);
        for (List<String> r : rows) {
            out.println(line(r, w, true));
        }
    }

    private static String line(List<String> cells, int[] w, boolean alignNumbers) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < w.length; c++) {
            String cell = cells.get(c);
            if (c > 0) {
                b.append("  ");
            }
            boolean right = alignNumbers && c > 0 && !cell.isEmpty()
                    && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-' || cell.charAt(0) == '+');
            String pad = " ".repeat(w[c] - cell.length());
            b.append(right ? pad + cell : cell + pad);
        }
        return b.toString().stripTrailing();
    }
}
