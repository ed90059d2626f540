package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Approval to purchase order: of a firm's units whose conditions are final, only {@code china.conversionShare} become
 * purchase orders: {@code floor(share x final units)} in all, exact to the unit (the shipment at the edge is split).
 * The units a firm converts at one instant form one purchase order, placed after one draw of {@code china.conversionDays}, not before China's
 * in-principle clearance, and never before the firm's previous purchase order. The rest wait here.
 *
 * <p>One event per purchase order, not per shipment: a purchase order of a million 8-GPU modules costs one event.
 */
final class Conversion {

    private final Simulator sim;
    private final Shipments shipments;
    private final DomesticMarket domestic;
    private ContinuousSampler delay;
    private double share;
    private final double clearanceDay;
    private final IntFifo[] waiting;
    private final IntFifo[] converting;
    private final IntFifo[] orderSizes;
    private final double[] lastOrderAt;
    private final long[] finalUnits;
    private final long[] convertingUnits;
    private final EventHandler ordered = this::placeOrder;

    Conversion(Simulator sim, Scenario scenario, Shipments shipments, DomesticMarket domestic,
            ContinuousSampler delay) {
        this.sim = sim;
        this.shipments = shipments;
        this.domestic = domestic;
        this.delay = delay;
        this.share = scenario.china().conversionShare();
        this.clearanceDay = Calendar.day(scenario.china().clearance());
        int firms = scenario.firms().size();
        waiting = new IntFifo[firms];
        converting = new IntFifo[firms];
        orderSizes = new IntFifo[firms];
        for (int f = 0; f < firms; f++) {
            waiting[f] = new IntFifo();
            converting[f] = new IntFifo();
            orderSizes[f] = new IntFifo(4);
        }
        lastOrderAt = new double[firms];
        finalUnits = new long[firms];
        convertingUnits = new long[firms];
    }

    /** A shipment whose conditions are final joins its firm's line; {@link #convert(int)} then turns it over. */
    void arrive(int s) {
        int f = shipments.firm(s);
        finalUnits[f] += shipments.units(s);
        waiting[f].add(s);
    }

    /** From a date: the delay of purchase orders formed from now. */
    void delay(ContinuousSampler v) {
        delay = v;
    }

    /** From a date: the share converted; a higher one converts more of every firm's final units at once. */
    void share(double v) {
        share = v;
        for (int f = 0; f < waiting.length; f++) {
            convert(f);
        }
    }

    /** Turns the firm's waiting units, as far as the share allows, into one purchase order. */
    void convert(int f) {
        IntFifo line = waiting[f];
        // A firm converts floor(share x final units) in all, exact to the unit and whatever the shipment size; the
        // relative tolerance only absorbs the rounding of the product (0.29 x 100 is 28.999999999999996 in binary),
        // far below what a share given to seven decimals could move (0.9999999 x 1 stays 0).
        double exact = share * finalUnits[f];
        long allowed = (long) Math.floor(exact + exact * 1e-12);
        int count = 0;
        while (!line.isEmpty() && convertingUnits[f] < allowed) {
            int next = shipments.takeFromHead(line, allowed - convertingUnits[f]);
            convertingUnits[f] += shipments.units(next);
            converting[f].add(next);
            count++;
        }
        if (count > 0) {
            double at = Math.max(Math.max(sim.now(), clearanceDay) + delay.sample(), lastOrderAt[f]);
            lastOrderAt[f] = at;
            orderSizes[f].add(count);
            sim.scheduleAt(at, ordered, f);
        }
    }

    private void placeOrder(int f) {
        IntFifo order = converting[f];
        int count = orderSizes[f].poll();
        long units = 0;
        for (int n = count; n > 0; n--) {
            int s = order.poll();
            units += shipments.units(s);
            shipments.move(s, Stage.DOMESTIC_QUOTA);
            domestic.join(s);
        }
        domestic.order(count, units);
    }
}
