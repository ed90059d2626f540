package dev.chipflow.supply;

import dev.chipflow.experiment.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a run's reports keep of each replication of a scenario, as one vector of values whose means and confidence
 * intervals an engine folds ({@link dev.chipflow.experiment.ExperimentEngine#summarise}): every scalar output, every
 * day of the cumulative deliveries (per firm, in total, per group of firms drawn together) and of the system's daily
 * series, and per firm the units per stage (attributed, where they are at the end, days waited) and the units no rule
 * held. The methods named {@code ...Slot} say where each value lies.
 *
 * @param firms   the firms, in scenario order
 * @param days    the days of the daily series
 * @param groups  groups of firms (indices) whose summed deliveries are kept day by day, e.g. the small firms drawn
 *                as one series
 * @param scalars every scalar output's name, as {@link Outputs#names} gives them for these firms
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record SupplyObservation(List<String> firms, int days, List<List<Integer>> groups, List<String> scalars)
        implements Observation<SupplyResult> {

    private static final long serialVersionUID = 1L;

    /** A system series kept day by day. */
    public enum Series {
        /** 0.5 x US shipments minus China shipments in the window, units. */
        CAP_HEADROOM(DailySeries::capHeadroom),
        /** Shipments waiting for a test line. */
        LAB_QUEUE(DailySeries::labQueue),
        /** Test lines busy. */
        LAB_BUSY(DailySeries::labBusy),
        /** Nvidia's H200 inventory, units. */
        INVENTORY(DailySeries::inventory),
        /** Cumulative units shipped to China. */
        CHINA_SHIPPED(DailySeries::chinaShipped),
        /** Cumulative units shipped to US customers. */
        US_SHIPPED(DailySeries::usShipped),
        /** China shipments inside the cap's window. */
        CHINA_IN_WINDOW(DailySeries::chinaInWindow),
        /** US shipments inside the cap's window. */
        US_IN_WINDOW(DailySeries::usInWindow);

        private final Function<DailySeries, double[]> read;

        Series(Function<DailySeries, double[]> read) {
            this.read = read;
        }

        /**
         * @param s a replication's daily series
         * @return this series in it
         */
        public double[] of(DailySeries s) {
            return read.apply(s);
        }
    }

    private static final int STAGES = Stage.values().length;

    /**
     * Copies the lists.
     *
     * @param firms   the firms, in scenario order
     * @param days    the days of the daily series
     * @param groups  groups of firms (indices) whose summed deliveries are kept day by day
     * @param scalars every scalar output's name, as {@link Outputs#names} gives them for these firms
     */
    public SupplyObservation {
        firms = List.copyOf(firms);
        List<List<Integer>> g = new ArrayList<>();
        for (List<Integer> members : groups) {
            g.add(List.copyOf(members));
        }
        groups = List.copyOf(g);
        scalars = List.copyOf(scalars);
    }

    /**
     * @param scenario the scenario
     * @param groups   groups of firm indices whose summed deliveries to keep
     * @return the observation of that scenario's replications
     */
    public static SupplyObservation of(Scenario scenario, List<List<Integer>> groups) {
        List<String> names = new ArrayList<>();
        for (Firm f : scenario.firms()) {
            names.add(f.name());
        }
        return new SupplyObservation(names, (int) scenario.horizonDays(), groups, Outputs.names(names));
    }

    private int firmCount() {
        return firms.size();
    }

    /**
     * @param output a scalar output's full name
     * @return its slot, or -1
     */
    public int scalarSlot(String output) {
        return scalars.indexOf(output);
    }

    /**
     * @param firm a firm's index
     * @param day  a day
     * @return the slot of the firm's cumulative deliveries that day
     */
    public int deliveredSlot(int firm, int day) {
        return scalars.size() + firm * days + day;
    }

    /**
     * @param day a day
     * @return the slot of all firms' cumulative deliveries that day
     */
    public int totalSlot(int day) {
        return scalars.size() + firmCount() * days + day;
    }

    /**
     * @param group a group's index in {@link #groups()}
     * @param day   a day
     * @return the slot of the group's cumulative deliveries that day
     */
    public int groupSlot(int group, int day) {
        return totalSlot(0) + (1 + group) * days + day;
    }

    /**
     * @param series a system series
     * @param day    a day
     * @return its slot
     */
    public int seriesSlot(Series series, int day) {
        return groupSlot(groups.size(), 0) + series.ordinal() * days + day;
    }

    /**
     * @param firm  a firm's index
     * @param stage a waiting stage's ordinal
     * @return the slot of the units the stage held longest (the attribution)
     */
    public int attributedSlot(int firm, int stage) {
        return seriesSlot(Series.values()[0], 0) + Series.values().length * days + firm * Stage.WAITING_STAGES
                + stage;
    }

    /**
     * @param firm  a firm's index
     * @param stage a stage's ordinal
     * @return the slot of the firm's units at that stage at the end of the run
     */
    public int atEndSlot(int firm, int stage) {
        return attributedSlot(firmCount(), 0) + firm * STAGES + stage;
    }

    /**
     * @param firm  a firm's index
     * @param stage a waiting stage's ordinal
     * @return the slot of the firm's mean days waited at that stage
     */
    public int waitSlot(int firm, int stage) {
        return atEndSlot(firmCount(), 0) + firm * Stage.WAITING_STAGES + stage;
    }

    /**
     * @param firm a firm's index
     * @return the slot of the firm's units no rule held
     */
    public int unheldSlot(int firm) {
        return waitSlot(firmCount(), 0) + firm;
    }

    @Override
    public int size() {
        return unheldSlot(firmCount());
    }

    @Override
    public void observe(SupplyResult r, double[] values) {
        observe(r, values, 0);
    }

    /**
     * Writes this observation at {@code offset} (a paired observation holds two).
     *
     * @param r      a replication's result
     * @param values where to write
     * @param offset the first index written
     */
    public void observe(SupplyResult r, double[] values, int offset) {
        if (r.firms().size() != firmCount() || r.series().days() != days) {
            throw new IllegalArgumentException("a result of " + r.firms().size() + " firms and " + r.series().days()
                    + " days for an observation of " + firmCount() + " firms and " + days + " days");
        }
        int at = Outputs.fill(r, values, offset);
        DailySeries s = r.series();
        double[][] byFirm = s.deliveredByFirm();
        for (double[] f : byFirm) {
            System.arraycopy(f, 0, values, at, days);
            at += days;
        }
        total(byFirm, days, values, at);
        at += days;
        for (List<Integer> g : groups) {
            java.util.Arrays.fill(values, at, at + days, 0);
            for (int i : g) {
                for (int d = 0; d < days; d++) {
                    values[at + d] += byFirm[i][d];
                }
            }
            at += days;
        }
        for (Series x : Series.values()) {
            System.arraycopy(x.of(s), 0, values, at, days);
            at += days;
        }
        for (FirmResult f : r.firms()) {
            at = copy(f.attributedUnits(), Stage.WAITING_STAGES, values, at);
        }
        for (FirmResult f : r.firms()) {
            at = copy(f.unitsAtEnd(), STAGES, values, at);
        }
        for (FirmResult f : r.firms()) {
            double[] w = f.waitDays();
            for (int k = 0; k < Stage.WAITING_STAGES; k++) {
                values[at++] = k < w.length ? w[k] : 0;
            }
        }
        for (FirmResult f : r.firms()) {
            values[at++] = f.unheldUnits();
        }
    }

    /** Sums the firms' cumulative deliveries day by day, in firm order (the order every report adds them in). */
    static void total(double[][] byFirm, int days, double[] into, int at) {
        for (int d = 0; d < days; d++) {
            double sum = 0;
            for (double[] f : byFirm) {
                sum += f[d];
            }
            into[at + d] = sum;
        }
    }

    private static int copy(long[] v, int n, double[] into, int at) {
        for (int k = 0; k < n; k++) {
            into[at + k] = k < v.length ? v[k] : 0;
        }
        return at + n;
    }
}
