package dev.chipflow.supply;

import dev.chipflow.experiment.Observation;
import dev.chipflow.experiment.Paired;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What a comparison keeps of each replication of two scenarios run on the same streams: each scenario's
 * {@link SupplyObservation}, and what can only be computed replication by replication, from both at once: B - A of
 * every scalar output, B - A of the cumulative deliveries day by day (in total and per firm of A), the unit-days of
 * delay (minus the sum of the daily gaps), and the days on which A and B reach 25, 50 and 75% of their own final
 * deliveries, with B's delay.
 *
 * @param a the first scenario's observation
 * @param b the second's, with the same scalar outputs (in any order: scenarios aligned with
 *          {@link Scenario#withFirmsOf} each keep their own firms first; outputs and firms are paired by name)
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record PairedObservation(SupplyObservation a, SupplyObservation b)
        implements Observation<Paired.Results<SupplyResult>> {

    private static final long serialVersionUID = 1L;

    /** The shares of the final deliveries whose reaching day is kept. */
    private static final double[] SHARES = {0.25, 0.5, 0.75};

    /**
     * Checks that both scenarios have the same outputs.
     *
     * @param a the first scenario's observation
     * @param b the second's, with the same scalar outputs in any order
     * @throws IllegalArgumentException if the scenarios' outputs differ (their firms differ)
     */
    public PairedObservation {
        if (a.scalars().size() != b.scalars().size()
                || !new HashSet<>(a.scalars()).equals(new HashSet<>(b.scalars()))) {
            List<String> onlyA = new ArrayList<>(a.scalars());
            onlyA.removeAll(b.scalars());
            List<String> onlyB = new ArrayList<>(b.scalars());
            onlyB.removeAll(a.scalars());
            throw new IllegalArgumentException("paired results have different outputs (only in a: " + onlyA
                    + "; only in b: " + onlyB + "); compare scenarios with the same firms, e.g. a.withFirmsOf(b) and "
                    + "b.withFirmsOf(a)");
        }
    }

    /** @return the shares of the final deliveries whose day is kept: 25, 50 and 75% */
    public static double[] shares() {
        return SHARES.clone();
    }

    /** @return the days of the gap series: the shorter run's */
    public int days() {
        return Math.min(a.days(), b.days());
    }

    /** @return where A's observation starts (0) */
    public int aOffset() {
        return 0;
    }

    /** @return where B's observation starts */
    public int bOffset() {
        return a.size();
    }

    /**
     * @param scalar a scalar output's index in {@code a().scalars()}
     * @return the slot of its difference B - A
     */
    public int differenceSlot(int scalar) {
        return a.size() + b.size() + scalar;
    }

    /**
     * @param day a day
     * @return the slot of B - A of all firms' cumulative deliveries that day
     */
    public int gapSlot(int day) {
        return differenceSlot(a.scalars().size()) + day;
    }

    /**
     * @param firm a firm's index in A
     * @param day  a day
     * @return the slot of B - A of the firm's cumulative deliveries that day
     */
    public int firmGapSlot(int firm, int day) {
        return gapSlot(days()) + firm * days() + day;
    }

    /** @return the slot of the unit-days of delay: minus the sum over days of B - A */
    public int unitDaysSlot() {
        return firmGapSlot(a.firms().size(), 0);
    }

    /**
     * @param share the index of a share in {@link #shares()}
     * @param which 0: A's day, 1: B's day, 2: B's delay (B's day minus A's)
     * @return its slot
     */
    public int milestoneSlot(int share, int which) {
        return unitDaysSlot() + 1 + 3 * share + which;
    }

    @Override
    public int size() {
        return milestoneSlot(SHARES.length, 0);
    }

    @Override
    public void observe(Paired.Results<SupplyResult> r, double[] values) {
        a.observe(r.a(), values, aOffset());
        b.observe(r.b(), values, bOffset());
        int scalars = a.scalars().size();
        boolean sameOrder = a.scalars().equals(b.scalars());
        for (int k = 0; k < scalars; k++) {
            int kb = sameOrder ? k : b.scalarSlot(a.scalars().get(k));
            values[differenceSlot(k)] = values[bOffset() + kb] - values[aOffset() + k];
        }
        int days = days();
        double area = 0;
        for (int d = 0; d < days; d++) {
            double gap = values[bOffset() + b.totalSlot(d)] - values[aOffset() + a.totalSlot(d)];
            values[gapSlot(d)] = gap;
            area -= gap;
        }
        for (int f = 0; f < a.firms().size(); f++) {
            int fb = b.firms().indexOf(a.firms().get(f));
            for (int d = 0; d < days; d++) {
                double inB = fb < 0 ? 0 : values[bOffset() + b.deliveredSlot(fb, d)];
                values[firmGapSlot(f, d)] = inB - values[aOffset() + a.deliveredSlot(f, d)];
            }
        }
        values[unitDaysSlot()] = area;
        for (int k = 0; k < SHARES.length; k++) {
            double dayA = reach(values, aOffset() + a.totalSlot(0), a.days(), SHARES[k]);
            double dayB = reach(values, bOffset() + b.totalSlot(0), b.days(), SHARES[k]);
            values[milestoneSlot(k, 0)] = dayA;
            values[milestoneSlot(k, 1)] = dayB;
            values[milestoneSlot(k, 2)] = dayB - dayA;
        }
    }

    /**
     * @param cumulative cumulative deliveries, day by day, from {@code from}
     * @param from       the first day's index
     * @param days       the number of days
     * @param share      a share of the last day's value, in (0, 1]
     * @return the first day on which the share is reached; NaN if nothing is ever delivered
     */
    public static double reach(double[] cumulative, int from, int days, double share) {
        double last = cumulative[from + days - 1];
        if (last <= 0) {
            return Double.NaN;
        }
        // The last day always reaches a share up to 1 of itself: the search stops there.
        int d = 0;
        while (d < days - 1 && cumulative[from + d] < share * last) {
            d++;
        }
        return d;
    }
}
