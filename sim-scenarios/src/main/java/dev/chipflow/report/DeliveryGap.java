package dev.chipflow.report;

import dev.chipflow.stats.Summary;
import dev.chipflow.supply.SupplyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * How B's deliveries to all firms differ from A's over time, replication by replication (common random numbers make
 * the pairs comparable): the daily difference with its CI band, the largest gap and its date, when each scenario
 * reaches a quarter, half and three quarters of its own final deliveries, B's delay against A at each of those
 * milestones, and the unit-days of delay (the area between the curves).
 *
 * @param difference per day, B - A (units delivered by the end of the day)
 * @param largestDay the day of the largest mean gap (by absolute value)
 * @param largest    B - A on that day
 * @param milestones the 25%, 50% and 75% marks
 * @param unitDays   sum over days of (A - B): positive when B is behind, in unit-days
 */
public record DeliveryGap(Band difference, int largestDay, Summary largest, List<Milestone> milestones,
        Summary unitDays) {

    /** The shares of final deliveries whose dates are compared. */
    public static final double[] SHARES = {0.25, 0.5, 0.75};

    /**
     * When A and B reach a share of their own final deliveries: each day is summarised over the replications that
     * deliver anything; the delay is paired, over the replications where both do.
     *
     * @param share the share of final deliveries
     * @param dayA  A's day (0 = 2026-01-01)
     * @param dayB  B's day
     * @param delay B's day minus A's day
     */
    public record Milestone(double share, Summary dayA, Summary dayB, Summary delay) {
    }

    /**
     * @param first  scenario A's replications
     * @param second scenario B's, paired with A's by replication
     * @return the gap over time
     */
    public static DeliveryGap of(RunAnalysis first, RunAnalysis second) {
        List<SupplyResult> a = first.results();
        List<SupplyResult> b = second.results();
        int n = a.size();
        double[][] ta = new double[n][];
        double[][] tb = new double[n][];
        double[][] diff = new double[n][];
        double[] area = new double[n];
        for (int r = 0; r < n; r++) {
            ta[r] = total(a.get(r));
            tb[r] = total(b.get(r));
            diff[r] = new double[ta[r].length];
            for (int d = 0; d < ta[r].length; d++) {
                diff[r][d] = tb[r][d] - ta[r][d];
                area[r] -= diff[r][d];
            }
        }
        Band band = Band.of(diff);
        int largestDay = 0;
        for (int d = 1; d < band.days(); d++) {
            if (Math.abs(band.mean()[d]) > Math.abs(band.mean()[largestDay])) {
                largestDay = d;
            }
        }
        double[] atLargest = new double[n];
        for (int r = 0; r < n; r++) {
            atLargest[r] = diff[r][largestDay];
        }
        List<Milestone> milestones = new ArrayList<>();
        for (double share : SHARES) {
            double[] da = new double[n];
            double[] db = new double[n];
            double[] delay = new double[n];
            for (int r = 0; r < n; r++) {
                da[r] = reach(ta[r], share);
                db[r] = reach(tb[r], share);
                delay[r] = db[r] - da[r];
            }
            milestones.add(new Milestone(share, Summary.ofFinite95(da), Summary.ofFinite95(db),
                    Summary.ofFinite95(delay)));
        }
        return new DeliveryGap(band, largestDay, Summary.of95(atLargest), milestones, Summary.of95(area));
    }

    /** @return whether B - A differs from zero (95% CI excludes 0) on at least one day */
    public boolean differsSomeDay() {
        for (int d = 0; d < difference.days(); d++) {
            if (difference.lower()[d] > 0 || difference.upper()[d] < 0) {
                return true;
            }
        }
        return false;
    }

    /** @return the first day a series reaches {@code share} of its last value; NaN if it delivers nothing */
    static double reach(double[] cumulative, double share) {
        double last = cumulative[cumulative.length - 1];
        if (last <= 0) {
            return Double.NaN;
        }
        for (int d = 0; d < cumulative.length; d++) {
            if (cumulative[d] >= share * last) {
                return d;
            }
        }
        return cumulative.length - 1;
    }

    private static double[] total(SupplyResult r) {
        double[] sum = new double[r.series().days()];
        for (double[] firm : r.series().deliveredByFirm()) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += firm[d];
            }
        }
        return sum;
    }
}
