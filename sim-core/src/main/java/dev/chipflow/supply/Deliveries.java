package dev.chipflow.supply;

import dev.chipflow.engine.Simulator;
import dev.chipflow.stats.StreamingQuantiles;

/**
 * Units delivered to each firm, their lead time from order to delivery, and the value exported; the last stage.
 */
final class Deliveries {

    private final Simulator sim;
    private final Shipments shipments;
    private final long[] delivered;
    private final double[] leadUnitDays;
    private final StreamingQuantiles[] leadTimes;

    Deliveries(Simulator sim, int firms, Shipments shipments) {
        this.sim = sim;
        this.shipments = shipments;
        delivered = new long[firms];
        leadUnitDays = new double[firms];
        leadTimes = new StreamingQuantiles[firms];
        for (int f = 0; f < firms; f++) {
            leadTimes[f] = new StreamingQuantiles(0.5, 0.9);
        }
    }

    void deliver(int s) {
        int f = shipments.firm(s);
        int u = shipments.units(s);
        double lead = sim.now() - shipments.orderedAt(s);
        delivered[f] += u;
        leadUnitDays[f] += u * lead;
        leadTimes[f].add(lead);
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
