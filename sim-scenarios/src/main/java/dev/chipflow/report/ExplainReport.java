package dev.chipflow.report;

import dev.chipflow.explain.Explanation;
import dev.chipflow.explain.Rule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code chipflow explain} prints and writes: the answer in words first, then the rules' table; with
 * {@code --out}, explain.csv, shortfall.csv, the charts and report.html. A pure function of the explanation, like
 * every report: no clock, no thread count.
 */
public final class ExplainReport {

    /** Firms listed one by one in the per-firm tables; every firm is in explain.csv. */
    static final int MAX_FIRMS = 25;

    private ExplainReport() {
    }

    /** Prints the answer in words, then per analysis date the table of the rules (all firms). */
    public static void console(PrintStream out, Explanation e, RunInfo info) {
        out.println(e.scenario().name() + ": which rule holds the units back; " + ExplainText.method(e) + ".");
        out.println();
        for (int d = 0; d < e.dates().size(); d++) {
            out.println(ExplainText.headline(e, d));
        }
        String note = ExplainText.negativeNote(e);
        if (note != null) {
            out.println(note);
        }
        for (int d = 0; d < e.dates().size(); d++) {
            out.println();
            out.println("By " + e.dates().get(d) + ", all firms (units):");
            ConsoleReport.table(out, ExplainText.ruleHeader(), ExplainText.ruleRows(e, d));
        }
        out.println();
        out.println("Shapley share: the units a rule holds back, averaged over every order in which the rules could "
                + "be lifted; the shares add up to what lifting every rule gains. Lifted alone: units gained by "
                + "lifting only that rule. Kept alone: units lost by keeping only that rule, every other lifted. "
                + "What each rule's lifted form is: chipflow explain --help.");
    }

    /**
     * @param e    the explanation
     * @param info how it was made
     * @return file name to contents: explain.csv, shortfall.csv, the charts, report.html
     */
    public static Map<String, byte[]> files(Explanation e, RunInfo info) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("explain.csv", Reports.utf8(csv(e)));
        files.put("shortfall.csv", Reports.utf8(shortfallCsv(e)));
        List<Charts.Png> charts = ExplainCharts.all(e);
        for (Charts.Png p : charts) {
            files.put(p.fileName(), p.bytes());
        }
        files.put("report.html", Reports.utf8(html(e, info, charts)));
        return files;
    }

    /**
     * {@code explain.csv}: one row per analysis date, firm ({@code all} last) and rule. Columns: rule (its id), date,
     * firm, shapley_mean, shapley_lower, shapley_upper, lifted_alone_mean, lifted_alone_lower, lifted_alone_upper,
     * kept_alone_mean, kept_alone_lower, kept_alone_upper (units delivered by the date; lower/upper: the 95% CI of
     * the mean over replications, empty with one replication).
     */
    static String csv(Explanation e) {
        List<String> header = new ArrayList<>(List.of("rule", "date", "firm"));
        for (String v : List.of("shapley", "lifted_alone", "kept_alone")) {
            header.addAll(List.of(v + "_mean", v + "_lower", v + "_upper"));
        }
        return CsvReports.write(header, rows -> {
            for (int d = 0; d < e.dates().size(); d++) {
                for (int f = 0; f <= e.firms().size(); f++) {
                    for (int r = 0; r < e.rules().size(); r++) {
                        List<String> row = new ArrayList<>(List.of(e.rules().get(r).id(), e.dates().get(d).toString(),
                                firm(e, f)));
                        CsvReports.addSummary(row, e.shapley(r, d, f));
                        CsvReports.addSummary(row, e.liftedAlone(r, d, f));
                        CsvReports.addSummary(row, e.keptAlone(r, d, f));
                        rows.add(row);
                    }
                }
            }
        });
    }

    /**
     * {@code shortfall.csv}: one row per analysis date and firm ({@code all} last). Columns: date, firm, ordered (units
     * ordered by the date), then mean, lower, upper of delivered_as_is, delivered_all_lifted, shortfall (ordered -
     * delivered as is), held_by_rules (all lifted - as is: the sum of the Shapley shares) and no_rule (ordered -
     * delivered with every rule lifted: transit and late orders).
     */
    static String shortfallCsv(Explanation e) {
        List<String> header = new ArrayList<>(List.of("date", "firm", "ordered"));
        for (String v : List.of("delivered_as_is", "delivered_all_lifted", "shortfall", "held_by_rules", "no_rule")) {
            header.addAll(List.of(v + "_mean", v + "_lower", v + "_upper"));
        }
        return CsvReports.write(header, rows -> {
            for (int d = 0; d < e.dates().size(); d++) {
                for (int f = 0; f <= e.firms().size(); f++) {
                    List<String> row = new ArrayList<>(List.of(e.dates().get(d).toString(), firm(e, f),
                            Fmt.csv(e.ordered(d, f))));
                    CsvReports.addSummary(row, e.asIs(d, f));
                    CsvReports.addSummary(row, e.allLifted(d, f));
                    CsvReports.addSummary(row, e.shortfall(d, f));
                    CsvReports.addSummary(row, e.explained(d, f));
                    CsvReports.addSummary(row, e.unexplained(d, f));
                    rows.add(row);
                }
            }
        });
    }

    static String html(Explanation e, RunInfo info, List<Charts.Png> charts) {
        Html h = new Html("chipflow explain: " + e.scenario().name());
        h.tag("h1", "chipflow explain: " + e.scenario().name());
        h.p("sub", "Which rule holds the H200s back, by counterfactuals: the scenario run with every combination of "
                + "rules lifted. " + ExplainText.method(e) + ". chipflow " + info.version() + ".");
        h.raw("<div class=\"headline\">\n");
        for (int d = 0; d < e.dates().size(); d++) {
            h.tag("p", ExplainText.headline(e, d));
        }
        h.raw("</div>\n");
        h.p("note", "A rule's Shapley share is the units it holds back, averaged over every order in which the rules "
                + "could be lifted (each order equally likely); the shares add up exactly, in every replication, to "
                + "what lifting every rule gains. Replication i of every combination runs on the same random "
                + "streams, so differences between combinations are the rules' effects, not noise. Intervals are "
                + "95% confidence intervals of the mean over replications (Student t)."
                + (e.exact() ? "" : " The shares are sampled: each replication averages its own random orders of "
                        + "the rules, and the interval covers that sampling as well."));
        String note = ExplainText.negativeNote(e);
        if (note != null) {
            h.p("note", note);
        }
        h.figure(charts.get(0));
        for (int d = 0; d < e.dates().size(); d++) {
            h.figure(charts.get(d + 1));
        }
        for (int d = 0; d < e.dates().size(); d++) {
            h.tag("h2", "The rules by " + e.dates().get(d) + ", all firms (units)");
            h.table(ExplainText.ruleHeader(), ExplainText.ruleRows(e, d));
        }
        h.p("note", "Lifted alone: units gained by lifting only that rule (all others as they are). Kept alone: "
                + "units lost by keeping only that rule (every other lifted). A rule that binds only together with "
                + "another shows little lifted alone; one hidden behind an upstream rule shows little lifted alone "
                + "but much kept alone. The Shapley share lies between the two views for such pairs.");
        for (int d = 0; d < e.dates().size(); d++) {
            h.tag("h2", "Per firm by " + e.dates().get(d) + " (mean Shapley shares, units)");
            h.table(ExplainText.firmHeader(e), ExplainText.firmRows(e, d, MAX_FIRMS));
        }
        h.p("note", "Columns are the rules' ids (below); explain.csv has every cell with its 95% CI.");
        h.tag("h2", "The rules and their lifted forms");
        List<List<String>> rules = new ArrayList<>();
        for (Rule r : e.rules()) {
            rules.add(List.of(r.id(), r.label(), r.liftedForm(), r.liftedSettings()));
        }
        h.table(List.of("id", "rule", "lifted form", "knobs set"), rules);
        h.p("note", "Lifting a rule sets its knobs as above and removes the dated changes of those knobs from the "
                + "timeline, since a dated change would impose the rule again. Transit is physical and is never "
                + "lifted; neither are the orders themselves.");
        TimelineReport.section(h, e.scenario());
        Reports.knobSections(h, e.scenario());
        h.tag("h2", "Files");
        h.p("note", "explain.csv (rule x date x firm: Shapley share, lifted alone and kept alone, each with its 95% "
                + "CI), shortfall.csv (date x firm: ordered, delivered as is and with every rule lifted, the "
                + "shortfall and what no rule holds), the PNG charts, and manifest.json (what reproduces this "
                + "analysis: java -jar chipflow.jar rerun manifest.json --out DIR).");
        return h.end();
    }

    private static String firm(Explanation e, int f) {
        return f == e.all() ? "all" : e.firms().get(f);
    }
}
