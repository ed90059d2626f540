package dev.chipflow.report;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report.html of a run of one scenario; a pure function of the results, like every file of {@link Reports}. */
final class RunHtml {

    private RunHtml() {
    }

    /**
     * @param a      the run
     * @param info   how it was made
     * @param charts the run's charts, in {@link Reports#runCharts} order
     * @return the page
     */
    static String of(RunAnalysis a, RunInfo info, List<Charts.Png> charts) {
        Scenario s = a.scenario();
        Html h = new Html("chipflow: " + s.name());
        h.tag("h1", "chipflow report: " + s.name());
        h.p("sub", "H200 supply to Chinese firms under the 2026 export rules. " + Fmt.count(a.replications(), "replication")
                + ", seed " + info.seed() + ", simulated " + a.date(0) + " to " + a.lastDate()
                + ". chipflow " + info.version() + ".");
        String changed = BaseDifferences.sentence(s);
        if (!changed.isEmpty()) {
            h.p("changed", changed);
        }
        h.raw("<div class=\"headline\">\n");
        for (String line : Headlines.run(a)) {
            h.tag("p", line);
        }
        h.raw("</div>\n");
        h.p("note", "Intervals are 95% confidence intervals of the mean over replications (Student t). "
                + assumptionCount(s) + " of the scenario's knobs are assumptions without a public source; "
                + "they are listed below with their values.");

        TimelineReport.section(h, s);

        h.tag("h2", "Per firm");
        h.table(firmHeader(a), firmRows(a));
        h.p("note", "Binding stage: the stage in which most of the firm's units waited longest (mean attribution). "
                + "Never released by China: units still on China's side at the end (approval, conditions, "
                + "conversion, domestic quota). Binding stage after China: the same, among the stages after China's "
                + "side only: what holds the units that moved. Attribution describes waiting, not cause "
                + "(chipflow explain answers which rule holds the units). "
                + "Lead time: days from order to delivery of the units delivered; the mean and the median of each "
                + "replication, averaged over the replications that delivered to the firm (one that delivered "
                + "nothing has no lead time), and how many of the replications those are.");
        h.figure(charts.get(0));

        h.tag("h2", "Where the units are, and what holds them");
        h.tag("h3", "Units per firm and stage at the end of the run (mean over replications)");
        double[][] atEnd = a.unitsAtEndMean();
        stageTable(h, a, atEnd, Stage.values().length);
        h.figure(charts.get(1));
        h.tag("h3", "Attribution: units per firm by the stage where they waited longest (mean)");
        stageTable(h, a, a.attributedMean(), Stage.WAITING_STAGES);
        h.figure(charts.get(2));
        h.tag("h3", "Stages");
        List<List<String>> stages = new ArrayList<>();
        for (Stage st : Stage.values()) {
            stages.add(List.of(st.label(), st.description()));
        }
        h.table(List.of("stage", "meaning"), stages);

        h.tag("h2", "System");
        h.table(List.of("what it is", "output (CSV name)", "mean", "95% CI"), systemRows(a));
        h.p("note", "Units are H200 accelerators, counted one by one (orders are moved in shipments of "
                + Fmt.human(s.shipmentUnits()) + " units, split wherever a rule counts units, so no figure is rounded "
                + "to a shipment). Shares are fractions of 1. " + OutputNames.computeUnits());
        for (int i = 3; i < charts.size(); i++) {
            h.figure(charts.get(i));
        }

        Reports.knobSections(h, s);
        h.tag("h2", "Files");
        h.p("note", "summary.csv (every output: mean, sd, 95% CI), firms.csv (per firm with CIs), daily.csv (daily "
                + "series with CI bands), attribution.csv (firm x stage), the PNG charts, and manifest.json (what "
                + "reproduces this run: java -jar chipflow.jar rerun manifest.json --out DIR).");
        return h.end();
    }

    private static List<String> firmHeader(RunAnalysis a) {
        List<String> header = new ArrayList<>(List.of("firm", "ordered", "approved", "converted", "licensed"));
        if (a.index(NamedScenarios.RECORD_DATE) >= 0) {
            header.add("delivered by " + NamedScenarios.RECORD_DATE + " [95% CI]");
        }
        header.addAll(List.of("delivered by " + a.lastDate() + " [95% CI]", "lead time, days (mean / median)",
                "binding stage", "never released by China", "binding stage after China"));
        return header;
    }

    static List<List<String>> firmRows(RunAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        boolean record = a.index(NamedScenarios.RECORD_DATE) >= 0;
        for (int i = 0; i < a.firms().size(); i++) {
            String f = a.firms().get(i);
            List<String> row = new ArrayList<>();
            row.add(f);
            for (String o : List.of("ordered", "approved", "converted", "licensed")) {
                row.add(Fmt.human(a.firm(f, o).mean()));
            }
            if (record) {
                row.add(Reports.ci(a.deliveredBy(i, NamedScenarios.RECORD_DATE)));
            }
            row.add(Reports.ci(a.firm(f, "delivered")));
            row.add(Headlines.leadTime(a, f));
            Stage b = a.bindingStage(i);
            row.add(b == null ? "-" : b.label());
            row.add(Fmt.human(a.heldInChina(i)));
            Stage after = a.bindingStageAfterChina(i);
            row.add(after == null ? "-" : after.label());
            rows.add(row);
        }
        List<String> all = new ArrayList<>();
        all.add("all");
        for (String o : List.of("ordered", "approved", "converted", "licensed")) {
            all.add(Fmt.human(a.summary("all." + o).mean()));
        }
        if (record) {
            all.add(Reports.ci(a.deliveredBy(NamedScenarios.RECORD_DATE)));
        }
        all.add(Reports.ci(a.summary("all.delivered")));
        all.add("");
        all.add("");
        double held = 0;
        for (int i = 0; i < a.firms().size(); i++) {
            held += a.heldInChina(i);
        }
        all.add(Fmt.human(held));
        all.add("");
        rows.add(all);
        return rows;
    }

    private static void stageTable(Html h, RunAnalysis a, double[][] m, int stages) {
        List<Integer> used = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            double t = 0;
            for (double[] row : m) {
                t += row[s];
            }
            if (t > 0) {
                used.add(s);
            }
        }
        if (used.isEmpty()) {
            h.p("note", "No units.");
            return;
        }
        List<String> header = new ArrayList<>();
        header.add("firm");
        for (int s : used) {
            header.add(Stage.of(s).label());
        }
        List<List<String>> rows = new ArrayList<>();
        double[] total = new double[stages];
        for (int i = 0; i < a.firms().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(a.firms().get(i));
            for (int s : used) {
                row.add(Fmt.human(m[i][s]));
                total[s] += m[i][s];
            }
            rows.add(row);
        }
        List<String> all = new ArrayList<>();
        all.add("all");
        for (int s : used) {
            all.add(Fmt.human(total[s]));
        }
        rows.add(all);
        h.table(header, rows);
    }

    private static List<List<String>> systemRows(RunAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Summary> e : a.table().outputs().entrySet()) {
            if (e.getKey().startsWith("system.") || e.getKey().startsWith("all.")) {
                Summary v = e.getValue();
                rows.add(List.of(OutputNames.meaning(e.getKey()), e.getKey(), Fmt.human(v.mean()), interval(v)));
            }
        }
        return rows;
    }

    private static int assumptionCount(Scenario s) {
        return (int) Knobs.all().stream().filter(Knob::isAssumption).count();
    }

    private static String interval(Summary s) {
        if (Double.isNaN(s.lower())) {
            return "-";
        }
        return Fmt.human(s.lower()) + " to " + Fmt.human(s.upper());
    }
}
