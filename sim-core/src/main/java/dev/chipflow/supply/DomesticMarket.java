package dev.chipflow.supply;

import dev.chipflow.engine.DoubleFifo;
import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;

/**
 * The domestic-chip quota: before a purchase order goes to Nvidia, the firm buys {@code domestic.ratio} domestic chips
 * per H200 in it. Domestic output ({@code domestic.outputPerYear}, added daily) is one stock shared by all firms.
 * Purchase orders are served whole and first come first served: the one at the head buys its chips, all at once, when
 * the stock covers them, and the ones behind it wait for it. A purchase order is the firm's contract with Nvidia, so it
 * is not cut here; its size comes from the conversion rule, never from the shipment size. The US licence is applied
 * for when a purchase order leaves this stage.
 */
final class DomesticMarket {

    private final Simulator sim;
    private final Shipments shipments;
    private final LicenceLimit limit;
    private final LicenceOffice licence;
    private double ratio;
    private double perDay;
    private boolean producing;
    private final IntFifo line = new IntFifo();
    /** Per waiting purchase order, in line order: its shipments and its units. */
    private final IntFifo orderShipments = new IntFifo(8);
    private final DoubleFifo orderUnits = new DoubleFifo(8);
    private final double[] bought;
    private double stock;
    private double produced;
    private final EventHandler output = ignored -> produce();

    DomesticMarket(Simulator sim, Scenario scenario, Shipments shipments, LicenceLimit limit,
            LicenceOffice licence) {
        this.sim = sim;
        this.shipments = shipments;
        this.limit = limit;
        this.licence = licence;
        this.ratio = scenario.china().domesticRatio();
        this.perDay = scenario.china().domesticOutputPerYear() / 365.0;
        this.bought = new double[scenario.firms().size()];
        this.stock = scenario.china().domesticInitialStock();
        this.produced = stock;
        if (perDay > 0) {
            producing = true;
            sim.scheduleAt(0, output, 0);
        }
    }

    /** From a date: the chips needed per H200 of the purchase orders that pass from now. */
    void ratio(double v) {
        ratio = v;
        serve();
    }

    /** From a date: the daily output from today's on (today's output is added after this change). */
    void outputPerYear(double v) {
        perDay = v / 365.0;
        if (!producing && perDay > 0) {
            producing = true;
            sim.scheduleAt(sim.now(), output, 0);
        }
    }

    /**
     * A purchase order of {@code count} shipments, already in line through {@link #join(int)}, is complete.
     *
     * @param count its shipments
     * @param units its units
     */
    void order(int count, long units) {
        orderShipments.add(count);
        orderUnits.add(units);
        serve();
    }

    /** A shipment of the purchase order being placed joins the line; {@link #order(int, long)} closes the order. */
    void join(int s) {
        line.add(s);
    }

    private void produce() {
        stock += perDay;
        produced += perDay;
        // The run stops before its horizon, so the one output event scheduled past it never runs.
        sim.schedule(1, output, 0);
        serve();
    }

    private void serve() {
        while (!orderUnits.isEmpty()) {
            double need = ratio * orderUnits.peek();
            // The relative tolerance keeps a sum of daily outputs from missing an exact need by rounding.
            if (need > stock * (1 + 1e-12)) {
                return;
            }
            stock = Math.max(0, stock - need);
            orderUnits.poll();
            for (int n = orderShipments.poll(); n > 0; n--) {
                int s = line.poll();
                bought[shipments.firm(s)] += ratio * shipments.units(s);
                shipments.move(s, Stage.LICENCE_LIMIT);
                licence.apply(s);
                limit.arrive(s);
            }
        }
    }

    double bought(int f) {
        return bought[f];
    }

    double produced() {
        return produced;
    }
}
