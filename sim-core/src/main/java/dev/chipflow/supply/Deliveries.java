package dev.chipflow.supply;

import dev.chipflow.engine.Simulator;
import dev.chipflow.stats.BinnedQuantiles;

/**
 * Units delivered to each firm and their lead time from order to delivery; the last stage. Lead-time quantiles are
 * unit-weighted and exact to the day (one bin a day over the horizon).
 */
final class Deliveries {

    private final Simulator sim;
    private final Shipments shipments;
    private final long[] delivered;
    private final double[] leadUnitDays;
    private final BinnedQuantiles[] leadTimes;

    Deliveries(Simulator sim, int firms, Shipments shipments, int horizonDays) {
        this.sim = sim;
        this.shipments = shipments;
        delivered = new long[firms];
        leadUnitDays = new double[firms];
        leadTimes = new BinnedQuantiles[firms];
        for (int f = 0; f < firms; f++) {
            leadTimes[f] = new BinnedQuantiles(0, Math.max(1, horizonDays), Math.max(1, horizonDays));
        }
    }

    void deliver(int s) {
        int f = shipments.firm(s);
        int u = shipments.units(s);
        double lead = sim.now() - shipments.orderedAt(s);
        delivered[f] += u;
        leadUnitDays[f] += u * lead;
        leadTimes[f].add(lead, u);
        shipments.deliver(s);
    }

    long delivered(int f) {
        return delivered[f];
    }

    double meanLeadTime(int f) {
        return delivered[f] == 0 ? Double.NaN : leadUnitDays[f] / delivered[f];
    }

    double leadTimeQuantile(int f, double p) {
        return leadTimes[f].quantile(p);
    }
}
