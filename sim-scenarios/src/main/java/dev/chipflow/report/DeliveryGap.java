package dev.chipflow.report;

import dev.chipflow.stats.Summary;
import dev.chipflow.stats.Moments;
import dev.chipflow.supply.PairedObservation;
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
    public static final double[] SHARES = PairedObservation.shares();

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
     * @param layout  what a comparison kept of each pair of replications
     * @param moments its moments over the replications
     * @return the gap over time
     */
    public static DeliveryGap of(PairedObservation layout, Moments moments) {
        Band band = Band.of(moments, layout::gapSlot, layout.days());
        int largestDay = 0;
        for (int d = 1; d < band.days(); d++) {
            if (Math.abs(band.mean()[d]) > Math.abs(band.mean()[largestDay])) {
                largestDay = d;
            }
        }
        List<Milestone> milestones = new ArrayList<>();
        for (int k = 0; k < SHARES.length; k++) {
            milestones.add(new Milestone(SHARES[k], moments.summary95(layout.milestoneSlot(k, 0)),
                    moments.summary95(layout.milestoneSlot(k, 1)), moments.summary95(layout.milestoneSlot(k, 2))));
        }
        return new DeliveryGap(band, largestDay, moments.summary95(layout.gapSlot(largestDay)), milestones,
                moments.summary95(layout.unitDaysSlot()));
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
}
