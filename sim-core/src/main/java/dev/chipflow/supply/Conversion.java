package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Approval to purchase order: of a firm's units whose conditions are final, only {@code china.conversionShare} become
 * purchase orders (whole shipments, in order, as far as the share allows), each after {@code china.conversionDays}
 * and not before China's in-principle clearance. The rest wait here.
 */
final class Conversion {

    private final Simulator sim;
    private final Shipments shipments;
    private final DomesticMarket domestic;
    private final ContinuousSampler delay;
    private final double share;
    private final double clearanceDay;
    private final IntFifo[] waiting;
    private final long[] finalUnits;
    private final long[] converting;
    private final EventHandler converted = this::convert;

    Conversion(Simulator sim, Scenario scenario, Shipments shipments, DomesticMarket domestic,
            ContinuousSampler delay) {
        this.sim = sim;
        this.shipments = shipments;
        this.domestic = domestic;
        this.delay = delay;
        this.share = scenario.conversionShare();
        this.clearanceDay = Calendar.day(scenario.chinaClearance());
        int firms = scenario.firms().size();
        waiting = new IntFifo[firms];
        for (int f = 0; f < firms; f++) {
            waiting[f] = new IntFifo();
        }
        finalUnits = new long[firms];
        converting = new long[firms];
    }

    void arrive(int s) {
        int f = shipments.firm(s);
        finalUnits[f] += shipments.units(s);
        waiting[f].add(s);
        IntFifo line = waiting[f];
        // Integer bound so that share 1.0 converts everything and no rounding lets a unit through too many.
        long allowed = (long) Math.floor(share * finalUnits[f] + 1e-9);
        while (!line.isEmpty() && converting[f] + shipments.units(line.peek()) <= allowed) {
            int next = line.poll();
            converting[f] += shipments.units(next);
            double start = Math.max(sim.now(), clearanceDay);
            sim.scheduleAt(start + delay.sample(), converted, next);
        }
    }

    private void convert(int s) {
        shipments.move(s, Stage.DOMESTIC_QUOTA);
        domestic.arrive(s);
    }
}
