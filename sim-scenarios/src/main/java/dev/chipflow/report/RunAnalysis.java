package dev.chipflow.report;

import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ReplicationFold;
import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.stats.Moments;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Calendar;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyObservation;
import dev.chipflow.supply.SupplyObservation.Series;
import dev.chipflow.supply.SupplyResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The replications of one scenario, summarised for reports: the summary table of every scalar, daily series as bands,
 * and per firm and stage the mean attribution. It holds the moments an engine folded
 * ({@link ExperimentEngine#summarise}), never the replications, so its size does not depend on how many ran.
 */
public final class RunAnalysis {

    private final Scenario scenario;
    private final SupplyObservation layout;
    private final Moments moments;
    private final SummaryTable table;
    private final int days;

    /**
     * @param scenario the scenario run
     * @param layout   what was kept of each replication
     * @param moments  the moments of those observations over the replications
     */
    public RunAnalysis(Scenario scenario, SupplyObservation layout, Moments moments) {
        if (moments.slots() != layout.size()) {
            throw new IllegalArgumentException("moments of " + moments.slots() + " slots for an observation of "
                    + layout.size());
        }
        if (moments.count(layout.totalSlot(0)) < 1) {
            throw new IllegalArgumentException("no replications to analyse");
        }
        this.scenario = scenario;
        this.layout = layout;
        this.moments = moments;
        this.table = SummaryTable.of(layout.scalars(), moments, 0);
        this.days = layout.days();
    }

    /**
     * Summarises results already in memory (from code; the command line folds them as they are made).
     *
     * @param scenario the scenario run
     * @param results  its replications, in replication order, at least one
     */
    public RunAnalysis(Scenario scenario, List<SupplyResult> results) {
        this(scenario, observation(scenario), fold(observation(scenario), results));
    }

    /**
     * Runs a scenario's replications on an engine and summarises them as they finish.
     *
     * @param engine       where the replications run
     * @param scenario     the scenario
     * @param replications replications, at least 1
     * @param seed         the master seed
     * @return the analysis
     */
    public static RunAnalysis run(ExperimentEngine engine, Scenario scenario, int replications, long seed) {
        SupplyObservation o = observation(scenario);
        return new RunAnalysis(scenario, o, engine.summarise(replications, seed,
                List.of(SupplyModel.replication(scenario)), List.of(o)).get(0));
    }

    /**
     * Runs every scenario's replications on an engine, with common random numbers, and summarises them as they
     * finish (a sweep's points).
     *
     * @param engine       where the replications run
     * @param scenarios    the scenarios
     * @param replications replications of each, at least 1
     * @param seed         the master seed
     * @return one analysis per scenario, in order
     */
    public static List<RunAnalysis> run(ExperimentEngine engine, List<Scenario> scenarios, int replications,
            long seed) {
        List<SupplyObservation> observations = new ArrayList<>();
        List<Replication<SupplyResult>> models = new ArrayList<>();
        for (Scenario s : scenarios) {
            observations.add(observation(s));
            models.add(SupplyModel.replication(s));
        }
        List<Moments> moments = engine.summarise(replications, seed, models, observations);
        List<RunAnalysis> out = new ArrayList<>();
        for (int k = 0; k < scenarios.size(); k++) {
            out.add(new RunAnalysis(scenarios.get(k), observations.get(k), moments.get(k)));
        }
        return out;
    }

    /**
     * @param scenario a scenario
     * @return what reports keep of each of its replications: every output, and the summed deliveries of the groups of
     *         firms the charts draw as one series
     */
    public static SupplyObservation observation(Scenario scenario) {
        List<List<Integer>> groups = new ArrayList<>();
        for (FirmGroup g : FirmGroup.of(scenario)) {
            if (g.members().size() > 1) {
                groups.add(g.members());
            }
        }
        return SupplyObservation.of(scenario, groups);
    }

    private static Moments fold(SupplyObservation o, List<SupplyResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no replications to analyse");
        }
        return ReplicationFold.fold(results, o);
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /** @return what was kept of each replication, and where in {@link #moments()} */
    public SupplyObservation layout() {
        return layout;
    }

    /** @return the moments of every kept value over the replications */
    public Moments moments() {
        return moments;
    }

    /** @return every scalar output summarised */
    public SummaryTable table() {
        return table;
    }

    /** @return the number of replications */
    public int replications() {
        return (int) moments.count(layout.totalSlot(0));
    }

    /** @return the firms' names, in scenario order */
    public List<String> firms() {
        return layout.firms();
    }

    /** @return the number of days in the daily series */
    public int days() {
        return days;
    }

    /** @return the date of day index {@code d} of the daily series */
    public LocalDate date(int d) {
        return Calendar.EPOCH.plusDays(d);
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
     * @param name an output of {@link SupplyResult#scalars()} (units delivered by a date: {@link #deliveredBy})
     * @return its summary
     */
    public Summary summary(String name) {
        return table.get(name);
    }

    /** The infix of the CSV outputs "units delivered by the end of a date", e.g. {@code all.deliveredBy2026-06-30}. */
    public static final String DELIVERED_BY = ".deliveredBy";

    /** @return a firm's scalar output, e.g. {@code firm("Alibaba", "delivered")} */
    public Summary firm(String firm, String output) {
        return table.get(firm + "." + output);
    }

    /**
     * @param series a system series
     * @return it summarised across replications, day by day
     */
    public Band band(Series series) {
        return band(d -> layout.seriesSlot(series, d));
    }

    /**
     * @param slotOfDay the slot of each day of a series kept in {@link #moments()}
     * @return that series summarised across replications, day by day
     */
    Band band(IntUnaryOperator slotOfDay) {
        return Band.of(moments, slotOfDay, days);
    }

    /**
     * @param i a firm's index
     * @return the firm's cumulative deliveries
     */
    public Band delivered(int i) {
        return band(d -> layout.deliveredSlot(i, d));
    }

    /**
     * @param group firms' indices: one firm, all firms, or a group the charts draw as one series
     * @return the group's cumulative deliveries, summed per replication
     * @throws IllegalArgumentException for another group, whose sums were not kept
     */
    public Band delivered(List<Integer> group) {
        if (group.size() == 1) {
            return delivered(group.get(0));
        }
        if (group.size() == firms().size() && group.stream().distinct().count() == firms().size()) {
            return deliveredTotal();
        }
        int g = layout.groups().indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("the deliveries of firms " + group + " together were not kept; kept: "
                    + layout.groups());
        }
        return band(d -> layout.groupSlot(g, d));
    }

    /** @return cumulative deliveries of all firms */
    public Band deliveredTotal() {
        return band(layout::totalSlot);
    }

    /**
     * @param date a date of the run
     * @return units delivered to all firms by the end of that date
     */
    public Summary deliveredBy(LocalDate date) {
        return moments.summary95(layout.totalSlot(day(date)));
    }

    /**
     * @param firm a firm's index
     * @param date a date of the run
     * @return units delivered to the firm by the end of that date
     */
    public Summary deliveredBy(int firm, LocalDate date) {
        return moments.summary95(layout.deliveredSlot(firm, day(date)));
    }

    private int day(LocalDate date) {
        int d = index(date);
        if (d < 0) {
            throw new IllegalArgumentException(date + " is outside the simulated days " + date(0) + ".." + lastDate());
        }
        return d;
    }

    /** @return per firm and waiting stage, mean units attributed there (the stage that held them longest) */
    public double[][] attributedMean() {
        return perFirmStage(layout::attributedSlot, Stage.WAITING_STAGES);
    }

    /** @return per firm and stage (delivered included), mean units there at the end of the run */
    public double[][] unitsAtEndMean() {
        return perFirmStage(layout::atEndSlot, Stage.values().length);
    }

    /** @return per firm, mean units that no rule held (delivered without waiting anywhere) */
    public double[] unheldMean() {
        double[] m = new double[firms().size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean(layout.unheldSlot(i));
        }
        return m;
    }

    /** @return per firm and waiting stage, mean days waited there */
    public double[][] waitDaysMean() {
        return perFirmStage(layout::waitSlot, Stage.WAITING_STAGES);
    }

    /**
     * @param firm a firm's index
     * @return the stage that held most of the firm's units longest, or null if none waited
     */
    public Stage bindingStage(int firm) {
        return largest(perStage(firm, layout::attributedSlot, Stage.WAITING_STAGES), 0);
    }

    /**
     * @param firm a firm's index
     * @return the stage after China's (licence onwards) that held most of the firm's units longest, or null
     */
    public Stage bindingStageAfterChina(int firm) {
        return largest(perStage(firm, layout::attributedSlot, Stage.WAITING_STAGES), Stage.LICENCE_LIMIT.ordinal());
    }

    /** @return the stage that held most of all firms' units longest, or null if none waited */
    public Stage bindingStageOfAll() {
        return largest(attributedTotal(), 0);
    }

    private static Stage largest(double[] a, int from) {
        int best = -1;
        for (int s = from; s < a.length; s++) {
            if (a[s] > 0 && (best < 0 || a[s] > a[best])) {
                best = s;
            }
        }
        return best < 0 ? null : Stage.of(best);
    }

    /**
     * @param firm a firm's index
     * @return mean units of the firm still held in China at the end (approval to the domestic quota)
     */
    public double heldInChina(int firm) {
        double[] at = perStage(firm, layout::atEndSlot, Stage.values().length);
        double sum = 0;
        for (int s = Stage.APPROVAL.ordinal(); s <= Stage.DOMESTIC_QUOTA.ordinal(); s++) {
            sum += at[s];
        }
        return sum;
    }

    /** @return per stage (delivered included), mean units of all firms there at the end */
    public double[] unitsAtEndTotal() {
        return columnTotals(unitsAtEndMean(), Stage.values().length);
    }

    /** @return per waiting stage, mean units of all firms attributed there */
    public double[] attributedTotal() {
        return columnTotals(attributedMean(), Stage.WAITING_STAGES);
    }

    private static double[] columnTotals(double[][] m, int stages) {
        double[] total = new double[stages];
        for (double[] f : m) {
            for (int s = 0; s < stages; s++) {
                total[s] += f[s];
            }
        }
        return total;
    }

    private interface FirmStageSlot {
        int slot(int firm, int stage);
    }

    private double[][] perFirmStage(FirmStageSlot slot, int stages) {
        double[][] m = new double[firms().size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = perStage(i, slot, stages);
        }
        return m;
    }

    /** One firm's row of {@link #perFirmStage}: what the per-firm views need, without every other firm's. */
    private double[] perStage(int firm, FirmStageSlot slot, int stages) {
        double[] row = new double[stages];
        for (int s = 0; s < stages; s++) {
            row[s] = mean(slot.slot(firm, s));
        }
        return row;
    }

    /** A mean that is 0 rather than NaN when no replication had a value (no firm, say). */
    private double mean(int slot) {
        return moments.count(slot) == 0 ? 0 : moments.mean(slot);
    }
}
