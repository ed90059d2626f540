package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;

/**
 * The domestic-chip quota: before a purchase order goes to Nvidia, the firm buys {@code domestic.ratio} domestic chips
 * per H200. Domestic output ({@code domestic.outputPerYear}, added daily) is one stock shared by all firms, served
 * first come first served; when it runs short, purchase orders wait here.
 */
final class DomesticMarket {

    private final Simulator sim;
    private final Shipments shipments;
    private final NvidiaSupply supply;
    private final LicenceOffice licence;
    private final double ratio;
    private final double perDay;
    private final double horizon;
    private final IntFifo line = new IntFifo();
    private final double[] bought;
    private double stock;
    private double produced;
    private final EventHandler output = ignored -> produce();

    DomesticMarket(Simulator sim, Scenario scenario, Shipments shipments, NvidiaSupply supply,
            LicenceOffice licence) {
        this.sim = sim;
        this.shipments = shipments;
        this.supply = supply;
        this.licence = licence;
        this.ratio = scenario.domesticRatio();
        this.perDay = scenario.domesticOutputPerYear() / 365.0;
        this.horizon = scenario.horizonDays();
        this.bought = new double[scenario.firms().size()];
        this.stock = scenario.domesticInitialStock();
        this.produced = stock;
        if (perDay > 0) {
            sim.scheduleAt(0, output, 0);
        }
    }

    void arrive(int s) {
        line.add(s);
        serve();
    }

    private void produce() {
        stock += perDay;
        produced += perDay;
        if (sim.now() + 1 < horizon) {
            sim.schedule(1, output, 0);
        }
        serve();
    }

    private void serve() {
        while (!line.isEmpty()) {
            int s = line.peek();
            double need = ratio * shipments.units(s);
            // A relative tolerance keeps sums of daily output from missing an exact need by rounding.
            if (need > stock * (1 + 1e-12)) {
                return;
            }
            line.poll();
            stock = Math.max(0, stock - need);
            bought[shipments.firm(s)] += need;
            shipments.move(s, Stage.ALLOCATION);
            licence.apply(s);
            supply.arrive(s);
        }
    }

    double bought(int f) {
        return bought[f];
    }

    double produced() {
        return produced;
    }
}
