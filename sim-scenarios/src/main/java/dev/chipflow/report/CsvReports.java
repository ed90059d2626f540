package dev.chipflow.report;

import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyObservation.Series;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's CSV files, as text (comma-separated, a header row, '\n' line ends, numbers exact and locale-free,
 * empty cells for undefined values). Each method documents its columns.
 */
public final class CsvReports {

    /** The format of every file. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private CsvReports() {
    }

    /**
     * {@code summary.csv}: every scalar output of {@link dev.chipflow.supply.SupplyResult#scalars()}.
     * Columns: output, mean, sd, lower, upper, n (lower/upper: the 95% CI of the mean), then the output's unit and
     * meaning from the output registry ({@link dev.chipflow.supply.Outputs}).
     *
     * @param table the summary
     * @return the file's text
     */
    public static String summary(SummaryTable table) {
        return write(List.of("output", "mean", "sd", "lower", "upper", "n", "unit", "meaning"), rows -> {
            for (Map.Entry<String, Summary> e : table.outputs().entrySet()) {
                Summary s = e.getValue();
                String unit = "";
                String meaning = "";
                try {
                    dev.chipflow.supply.Outputs.Output o = dev.chipflow.supply.Outputs.find(e.getKey());
                    unit = o.unit();
                    meaning = o.description();
                } catch (IllegalArgumentException unknown) {
                    // A summary of something else than the model's outputs: no registry entry.
                }
                rows.add(List.of(e.getKey(), Fmt.csv(s.mean()), Fmt.csv(s.sd()), Fmt.csv(s.lower()),
                        Fmt.csv(s.upper()), Long.toString(s.n()), unit, meaning));
            }
        });
    }

    /**
     * {@code firms.csv}: one row per firm and a last row {@code all}. Columns: firm; for each per-firm output
     * (ordered, approved, converted, allocated, licensed, exported, delivered, compute, domestic chips, lead times)
     * {@code OUTPUT_mean}, {@code OUTPUT_lower}, {@code OUTPUT_upper}, and for the lead times (mean, median, 90th
     * percentile) also {@code OUTPUT_n}: the replications that delivered to the firm, over which the lead time is
     * summarised; {@code deliveredBy2026-06-30} likewise (if the run reaches that date); {@code binding_stage}: the
     * stage holding most of the firm's units (mean attribution).
     *
     * @param a the run
     * @return the file's text
     */
    public static String firms(RunAnalysis a) {
        List<String> outputs = firmOutputs(a);
        boolean record = a.index(NamedScenarios.RECORD_DATE) >= 0;
        String recordColumn = "deliveredBy" + NamedScenarios.RECORD_DATE;
        List<String> header = new ArrayList<>();
        header.add("firm");
        for (String o : outputs) {
            header.add(o + "_mean");
            header.add(o + "_lower");
            header.add(o + "_upper");
            if (partial(o)) {
                header.add(o + "_n");
            }
        }
        if (record) {
            header.add(recordColumn + "_mean");
            header.add(recordColumn + "_lower");
            header.add(recordColumn + "_upper");
        }
        header.add("binding_stage");
        return write(header, rows -> {
            for (int i = 0; i < a.firms().size(); i++) {
                String f = a.firms().get(i);
                List<String> row = new ArrayList<>();
                row.add(f);
                for (String o : outputs) {
                    Summary v = a.firm(f, o);
                    addSummary(row, v);
                    if (partial(o)) {
                        row.add(Long.toString(v.n()));
                    }
                }
                if (record) {
                    addSummary(row, a.deliveredBy(i, NamedScenarios.RECORD_DATE));
                }
                Stage b = a.bindingStage(i);
                row.add(b == null ? "" : b.label());
                rows.add(row);
            }
            List<String> row = new ArrayList<>();
            row.add("all");
            for (String o : outputs) {
                if (a.table().outputs().containsKey("all." + o)) {
                    addSummary(row, a.summary("all." + o));
                } else {
                    row.add("");
                    row.add("");
                    row.add("");
                }
                if (partial(o)) {
                    row.add("");
                }
            }
            if (record) {
                addSummary(row, a.deliveredBy(NamedScenarios.RECORD_DATE));
            }
            Stage binding = a.bindingStageOfAll();
            row.add(binding == null ? "" : binding.label());
            rows.add(row);
        });
    }

    /**
     * Whether a per-firm output is undefined (NaN) in a replication that delivered nothing to the firm, so that its
     * summary may cover fewer replications than were run and firms.csv says how many. SupplyResult documents this of
     * the lead times alone.
     */
    static boolean partial(String output) {
        return output.startsWith("leadTime");
    }

    /** The per-firm outputs, in the model's order: the suffixes of the first firm's scalar names. */
    static List<String> firmOutputs(RunAnalysis a) {
        List<String> out = new ArrayList<>();
        if (a.firms().isEmpty()) {
            return out;
        }
        String prefix = a.firms().get(0) + ".";
        for (String name : a.table().outputs().keySet()) {
            if (name.startsWith(prefix)) {
                out.add(name.substring(prefix.length()));
            }
        }
        return out;
    }

    /**
     * {@code daily.csv}: one row per simulated day (values at the end of the day). Columns: date; per firm
     * {@code FIRM_delivered_mean/_lower/_upper} (cumulative units); {@code cap_headroom}, {@code lab_queue},
     * {@code lab_busy}, {@code inventory}, {@code china_shipped}, {@code us_shipped} (cumulative since the policy
     * start), {@code china_in_window}, {@code us_in_window} (inside the cap's window ending then), each
     * {@code _mean/_lower/_upper}. Under a rolling window {@code cap_headroom} can be negative between releases.
     *
     * @param a the run
     * @return the file's text
     */
    public static String daily(RunAnalysis a) {
        List<String> header = new ArrayList<>();
        header.add("date");
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < a.firms().size(); i++) {
            addBand(header, bands, a.firms().get(i) + "_delivered", a.delivered(i));
        }
        addBand(header, bands, "cap_headroom", a.band(Series.CAP_HEADROOM));
        addBand(header, bands, "lab_queue", a.band(Series.LAB_QUEUE));
        addBand(header, bands, "lab_busy", a.band(Series.LAB_BUSY));
        addBand(header, bands, "inventory", a.band(Series.INVENTORY));
        addBand(header, bands, "china_shipped", a.band(Series.CHINA_SHIPPED));
        addBand(header, bands, "us_shipped", a.band(Series.US_SHIPPED));
        addBand(header, bands, "china_in_window", a.band(Series.CHINA_IN_WINDOW));
        addBand(header, bands, "us_in_window", a.band(Series.US_IN_WINDOW));
        return write(header, rows -> {
            for (int d = 0; d < a.days(); d++) {
                List<String> row = new ArrayList<>(header.size());
                row.add(a.date(d).toString());
                for (Band b : bands) {
                    row.add(Fmt.csv(b.mean()[d]));
                    row.add(Fmt.csv(b.lower()[d]));
                    row.add(Fmt.csv(b.upper()[d]));
                }
                rows.add(row);
            }
        });
    }

    private static void addBand(List<String> header, List<Band> bands, String name, Band b) {
        header.add(name + "_mean");
        header.add(name + "_lower");
        header.add(name + "_upper");
        bands.add(b);
    }

    /**
     * {@code attribution.csv}: one row per firm and stage, means over replications. Columns: firm, stage (label),
     * description, attributed_units (units whose longest wait was in this stage), units_at_end (units in this stage at
     * the end of the run), wait_days (days an ordered unit spent in this stage on average). The {@code delivered}
     * stage has only units_at_end; a last row per firm, stage {@code none}, counts the units that never waited a
     * positive time anywhere, so that attributed units add up to units ordered.
     *
     * @param a the run
     * @return the file's text
     */
    public static String attribution(RunAnalysis a) {
        double[][] attributed = a.attributedMean();
        double[][] atEnd = a.unitsAtEndMean();
        double[][] wait = a.waitDaysMean();
        double[] unheld = a.unheldMean();
        return write(List.of("firm", "stage", "description", "attributed_units", "units_at_end", "wait_days"),
                rows -> {
                    for (int i = 0; i < a.firms().size(); i++) {
                        for (Stage s : Stage.values()) {
                            int k = s.ordinal();
                            boolean waiting = k < Stage.WAITING_STAGES;
                            rows.add(List.of(a.firms().get(i), s.label(), s.description(),
                                    waiting ? Fmt.csv(attributed[i][k]) : "", Fmt.csv(atEnd[i][k]),
                                    waiting ? Fmt.csv(wait[i][k]) : ""));
                        }
                        rows.add(List.of(a.firms().get(i), "none", "Never waited anywhere: attributed to no stage",
                                Fmt.csv(unheld[i]), "", ""));
                    }
                });
    }

    /**
     * {@code sweep.csv}: one row per point of the sweep and scalar output. Columns: the knob's name as header with
     * the value label, {@code KNOB_value} (the text given to the knob), the same for the second knob of a grid, then
     * output, mean, sd, lower, upper, n. The outputs are every scalar, then per analysis date D
     * {@code FIRM.deliveredByD} and {@code all.deliveredByD}.
     *
     * @param s    the sweep
     * @param info how it was made (the analysis dates)
     * @return the file's text
     */
    public static String sweep(SweepAnalysis s, RunInfo info) {
        List<String> header = new ArrayList<>(List.of(s.knob(), s.knob() + "_value"));
        if (s.isGrid()) {
            header.add(s.knob2());
            header.add(s.knob2() + "_value");
        }
        header.addAll(List.of("output", "mean", "sd", "lower", "upper", "n"));
        return write(header, rows -> {
            int n2 = Math.max(1, s.labels2().size());
            for (int i = 0; i < s.labels().size(); i++) {
                for (int j = 0; j < n2; j++) {
                    RunAnalysis p = s.point(i, j);
                    Map<String, Summary> outputs = new LinkedHashMap<>(p.table().outputs());
                    for (LocalDate date : info.analysisDates(p)) {
                        for (int f = 0; f < p.firms().size(); f++) {
                            outputs.put(p.firms().get(f) + RunAnalysis.DELIVERED_BY + date, p.deliveredBy(f, date));
                        }
                        outputs.put("all" + RunAnalysis.DELIVERED_BY + date, p.deliveredBy(date));
                    }
                    for (Map.Entry<String, Summary> e : outputs.entrySet()) {
                        List<String> row = new ArrayList<>(List.of(s.labels().get(i), s.knobValues().get(i)));
                        if (s.isGrid()) {
                            row.add(s.labels2().get(j));
                            row.add(s.knobValues2().get(j));
                        }
                        Summary v = e.getValue();
                        row.addAll(List.of(e.getKey(), Fmt.csv(v.mean()), Fmt.csv(v.sd()), Fmt.csv(v.lower()),
                                Fmt.csv(v.upper()), Long.toString(v.n())));
                        rows.add(row);
                    }
                }
            }
        });
    }

    /**
     * {@code comparison.csv}: one row per scalar output. Columns: output; a_mean, a_lower, a_upper; b_mean, b_lower,
     * b_upper; diff_mean, diff_lower, diff_upper (b - a paired by replication, common random numbers);
     * significant ({@code yes} when the difference's 95% CI excludes 0). Then, per analysis date D, the rows
     * {@code FIRM.deliveredByD} and {@code all.deliveredByD}; the largest gap ({@code gap.largest}, its day in
     * {@code gap.largestDay}); per milestone Q (25, 50, 75% of each scenario's own final deliveries),
     * {@code milestone.Q.day} (A's and B's day, 0 = 2026-01-01, and B's delay as the difference); and
     * {@code gap.unitDays} (sum over days of A - B, in the diff columns).
     *
     * @param c    the comparison
     * @param info how it was made (the analysis dates)
     * @return the file's text
     */
    public static String comparison(ComparisonAnalysis c, RunInfo info) {
        return write(List.of("output", "a_mean", "a_lower", "a_upper", "b_mean", "b_lower", "b_upper", "diff_mean",
                "diff_lower", "diff_upper", "significant"), rows -> {
                    for (Map.Entry<String, Summary> e : c.difference().outputs().entrySet()) {
                        String name = e.getKey();
                        List<String> row = new ArrayList<>();
                        row.add(name);
                        addSummary(row, c.a().summary(name));
                        addSummary(row, c.b().summary(name));
                        Summary d = e.getValue();
                        addSummary(row, d);
                        row.add(significant(d) ? "yes" : "no");
                        rows.add(row);
                    }
                    for (LocalDate date : info.analysisDates(c.a())) {
                        for (String f : c.a().firms()) {
                            int fb = c.b().firms().indexOf(f);
                            rows.add(compared(f + ".deliveredBy" + date, c.a().deliveredBy(c.a().firms().indexOf(f),
                                    date), fb < 0 ? null : c.b().deliveredBy(fb, date), c.deliveredByDifference(f,
                                            date)));
                        }
                        rows.add(compared("all.deliveredBy" + date, c.a().deliveredBy(date), c.b().deliveredBy(date),
                                c.deliveredByDifference(date)));
                    }
                    DeliveryGap gap = c.gap();
                    rows.add(compared("gap.largest", null, null, gap.largest()));
                    rows.add(List.of("gap.largestDay", "", "", "", "", "", "", Integer.toString(gap.largestDay()),
                            "", "", ""));
                    for (DeliveryGap.Milestone m : gap.milestones()) {
                        rows.add(compared("milestone." + Math.round(100 * m.share()) + ".day", m.dayA(), m.dayB(),
                                m.delay()));
                    }
                    rows.add(compared("gap.unitDays", null, null, gap.unitDays()));
                });
    }

    private static List<String> compared(String name, Summary a, Summary b, Summary d) {
        List<String> row = new ArrayList<>();
        row.add(name);
        for (Summary s : java.util.Arrays.asList(a, b, d)) {
            if (s == null) {
                row.addAll(List.of("", "", ""));
            } else {
                addSummary(row, s);
            }
        }
        row.add(significant(d) ? "yes" : "no");
        return row;
    }

    /** @return whether a difference's CI excludes zero */
    public static boolean significant(Summary d) {
        return !Double.isNaN(d.lower()) && (d.lower() > 0 || d.upper() < 0);
    }

    /** Appends a summary's mean and 95% CI bounds, the three columns every CSV gives a summarised number. */
    static void addSummary(List<String> row, Summary s) {
        row.add(Fmt.csv(s.mean()));
        row.add(Fmt.csv(s.lower()));
        row.add(Fmt.csv(s.upper()));
    }

    /** Fills the rows of a CSV file. */
    interface Rows {
        /** @param rows where to add the rows, each a list of cells */
        void fill(List<List<String>> rows);
    }

    /**
     * @param header the header row
     * @param rows   what adds the data rows
     * @return the CSV text
     */
    static String write(List<String> header, Rows rows) {
        List<List<String>> all = new ArrayList<>();
        rows.fill(all);
        return table(header, all);
    }

    /**
     * @param header the header row
     * @param rows   the data rows
     * @return the CSV text, in the one format of every chipflow CSV
     */
    static String table(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
            p.printRecord(header);
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
