package dev.chipflow.report;

import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.DailySeries;
import dev.chipflow.supply.FirmResult;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The replications of one scenario, summarised for reports: the summary table of every scalar, daily series as bands,
 * and per firm and stage the mean attribution. Reads results only; computes lazily what a report asks for.
 */
public final class RunAnalysis {

    private final Scenario scenario;
    private final List<SupplyResult> results;
    private final SummaryTable table;
    private final List<String> firms;
    private final int days;
    private double[][] attributed;
    private double[][] atEnd;
    private double[][] waitDays;

    /**
     * @param scenario the scenario run
     * @param results  its replications, in replication order, at least one
     */
    public RunAnalysis(Scenario scenario, List<SupplyResult> results) {
        this(scenario, results, SummaryTable.of(results));
    }

    /**
     * @param scenario the scenario run
     * @param results  its replications, in replication order, at least one
     * @param table    their summary (as {@link SummaryTable#of} makes it)
     */
    public RunAnalysis(Scenario scenario, List<SupplyResult> results, SummaryTable table) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no replications to analyse");
        }
        this.scenario = scenario;
        this.results = List.copyOf(results);
        this.table = table;
        List<String> names = new ArrayList<>();
        for (FirmResult f : results.get(0).firms()) {
            names.add(f.name());
        }
        this.firms = List.copyOf(names);
        this.days = results.get(0).series().days();
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the replications */
    public List<SupplyResult> results() {
        return results;
    }

    /** @return every scalar output summarised */
    public SummaryTable table() {
        return table;
    }

    /** @return the number of replications */
    public int replications() {
        return results.size();
    }

    /** @return the firms' names, in scenario order */
    public List<String> firms() {
        return firms;
    }

    /** @return the number of days in the daily series */
    public int days() {
        return days;
    }

    /** @return the date of day index {@code d} of the daily series */
    public LocalDate date(int d) {
        return results.get(0).series().date(d);
    }

    /** @return the last date of the daily series */
    public LocalDate lastDate() {
        return date(days - 1);
    }

    /**
     * @param date a date
     * @return its index in the daily series, or -1 if the series does not reach it
     */
    public int index(LocalDate date) {
        long d = java.time.temporal.ChronoUnit.DAYS.between(date(0), date);
        return d >= 0 && d < days ? (int) d : -1;
    }

    /**
     * @param name an output of {@link SupplyResult#scalars()}, or {@code FIRM.deliveredByYYYY-MM-DD} /
     *             {@code all.deliveredByYYYY-MM-DD}: units delivered by the end of a date of the run
     * @return its summary
     */
    public Summary summary(String name) {
        int by = name.indexOf(DELIVERED_BY);
        if (by > 0) {
            LocalDate date = LocalDate.parse(name.substring(by + DELIVERED_BY.length()));
            String who = name.substring(0, by);
            return who.equals("all") ? deliveredBy(date) : deliveredBy(firms.indexOf(who), date);
        }
        return table.get(name);
    }

    /** The infix of the outputs "units delivered by the end of a date". */
    public static final String DELIVERED_BY = ".deliveredBy";

    /** @return a firm's scalar output, e.g. {@code firm("Alibaba", "delivered")} */
    public Summary firm(String firm, String output) {
        return table.get(firm + "." + output);
    }

    /** @return the summary of any number computed per replication */
    public Summary summarise(ToDoubleFunction<SupplyResult> f) {
        double[] v = new double[results.size()];
        for (int r = 0; r < v.length; r++) {
            v[r] = f.applyAsDouble(results.get(r));
        }
        return Summary.of95(v);
    }

    /** @return a daily series summarised across replications */
    public Band band(Function<DailySeries, double[]> series) {
        double[][] v = new double[results.size()][];
        for (int r = 0; r < v.length; r++) {
            v[r] = series.apply(results.get(r).series());
        }
        return Band.of(v);
    }

    /** @return cumulative deliveries of firm {@code i} */
    public Band delivered(int i) {
        return band(s -> s.deliveredByFirm()[i]);
    }

    /** @return cumulative deliveries of a group of firms, summed per replication */
    public Band delivered(List<Integer> group) {
        return band(s -> {
            double[] sum = new double[s.days()];
            for (int i : group) {
                double[] f = s.deliveredByFirm()[i];
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += f[d];
                }
            }
            return sum;
        });
    }

    /** @return cumulative deliveries of all firms */
    public Band deliveredTotal() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < firms.size(); i++) {
            all.add(i);
        }
        return delivered(all);
    }

    /**
     * @param date a date within the series
     * @return units delivered to all firms by the end of that date
     */
    public Summary deliveredBy(LocalDate date) {
        int d = index(date);
        if (d < 0) {
            throw new IllegalArgumentException(date + " is outside the simulated days " + date(0) + ".." + lastDate());
        }
        return summarise(r -> {
            double sum = 0;
            for (double[] f : r.series().deliveredByFirm()) {
                sum += f[d];
            }
            return sum;
        });
    }

    /**
     * @param firm  a firm's index
     * @param date  a date within the series
     * @return units delivered to the firm by the end of that date
     */
    public Summary deliveredBy(int firm, LocalDate date) {
        int d = index(date);
        if (d < 0) {
            throw new IllegalArgumentException(date + " is outside the simulated days " + date(0) + ".." + lastDate());
        }
        return summarise(r -> r.series().deliveredByFirm()[firm][d]);
    }

    /** @return per firm and waiting stage, mean units whose longest wait was there */
    public double[][] attributedMean() {
        if (attributed == null) {
            attributed = meanPerFirmStage(f -> toDouble(f.attributedUnits()), Stage.WAITING_STAGES);
        }
        return copy(attributed);
    }

    /** @return per firm and stage (delivered included), mean units there at the end of the run */
    public double[][] unitsAtEndMean() {
        if (atEnd == null) {
            atEnd = meanPerFirmStage(f -> toDouble(f.unitsAtEnd()), Stage.values().length);
        }
        return copy(atEnd);
    }

    /** @return per firm, mean units that never waited a positive time anywhere (attributed to no stage) */
    public double[] unheldMean() {
        double[] m = new double[firms.size()];
        for (SupplyResult r : results) {
            for (int i = 0; i < m.length; i++) {
                m[i] += r.firms().get(i).unheldUnits() / (double) results.size();
            }
        }
        return m;
    }

    /** @return per firm and waiting stage, mean days an ordered unit spent there */
    public double[][] waitDaysMean() {
        if (waitDays == null) {
            waitDays = meanPerFirmStage(FirmResult::waitDays, Stage.WAITING_STAGES);
        }
        return copy(waitDays);
    }

    /**
     * @param firm a firm's index
     * @return the stage with the most units attributed to it, averaged over replications; null if the firm has no
     *         units
     */
    public Stage bindingStage(int firm) {
        double[] a = attributedMean()[firm];
        int best = -1;
        for (int s = 0; s < a.length; s++) {
            if (a[s] > 0 && (best < 0 || a[s] > a[best])) {
                best = s;
            }
        }
        return best < 0 ? null : Stage.of(best);
    }

    /**
     * The binding stage among the units China let go: the stage after China's side (from the US licence limits on)
     * with the most units attributed to it, so that a large never-released backlog does not hide what holds the
     * units that moved.
     *
     * @param firm a firm's index
     * @return that stage; null if no unit of the firm waited after China's side
     */
    public Stage bindingStageAfterChina(int firm) {
        double[] a = attributedMean()[firm];
        int best = -1;
        for (int s = Stage.LICENCE_LIMIT.ordinal(); s < a.length; s++) {
            if (a[s] > 0 && (best < 0 || a[s] > a[best])) {
                best = s;
            }
        }
        return best < 0 ? null : Stage.of(best);
    }

    /**
     * @param firm a firm's index
     * @return mean units of the firm still on China's side at the end (approval, conditions, conversion, quota)
     */
    public double heldInChina(int firm) {
        double[] at = unitsAtEndMean()[firm];
        double sum = 0;
        for (int s = Stage.APPROVAL.ordinal(); s <= Stage.DOMESTIC_QUOTA.ordinal(); s++) {
            sum += at[s];
        }
        return sum;
    }

    /** @return per stage (delivered included), mean units of all firms there at the end */
    public double[] unitsAtEndTotal() {
        double[] total = new double[Stage.values().length];
        for (double[] f : unitsAtEndMean()) {
            for (int s = 0; s < f.length && s < total.length; s++) {
                total[s] += f[s];
            }
        }
        return total;
    }

    /** @return per waiting stage, mean units of all firms attributed there */
    public double[] attributedTotal() {
        double[] total = new double[Stage.WAITING_STAGES];
        for (double[] f : attributedMean()) {
            for (int s = 0; s < f.length && s < total.length; s++) {
                total[s] += f[s];
            }
        }
        return total;
    }

    private double[][] meanPerFirmStage(Function<FirmResult, double[]> f, int stages) {
        double[][] m = new double[firms.size()][stages];
        for (SupplyResult r : results) {
            for (int i = 0; i < firms.size(); i++) {
                double[] v = f.apply(r.firms().get(i));
                for (int s = 0; s < stages && s < v.length; s++) {
                    m[i][s] += v[s];
                }
            }
        }
        for (double[] row : m) {
            for (int s = 0; s < stages; s++) {
                row[s] /= results.size();
            }
        }
        return m;
    }

    private static double[] toDouble(long[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
