package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;

/**
 * The domestic-chip quota: before a purchase order goes to Nvidia, the firm buys {@code domestic.ratio} domestic chips
 * per H200. Domestic output ({@code domestic.outputPerYear}, added daily) is one stock shared by all firms, served
 * first come first served and exact to the unit (a purchase order larger than the stock allows is split); when it runs
 * short, purchase orders wait here. The US licence is applied for when a purchase order leaves this stage.
 */
final class DomesticMarket {

    private final Simulator sim;
    private final Shipments shipments;
    private final LicenceLimit limit;
    private final LicenceOffice licence;
    private final double ratio;
    private final double perDay;
    private final double horizon;
    private final IntFifo line = new IntFifo();
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
            // Exact to the unit: the head of the line buys what the stock allows; the relative tolerance keeps sums
            // of daily output from missing an exact need by rounding.
            long affordable = ratio == 0 ? Long.MAX_VALUE : (long) Math.floor(stock / ratio * (1 + 1e-12));
            if (affordable <= 0) {
                return;
            }
            int s = shipments.takeFromHead(line, affordable);
            int u = shipments.units(s);
            double need = ratio * u;
            stock = Math.max(0, stock - need);
            bought[shipments.firm(s)] += need;
            shipments.move(s, Stage.LICENCE_LIMIT);
            licence.apply(s);
            limit.arrive(s);
        }
    }

    double bought(int f) {
        return bought[f];
    }

    double produced() {
        return produced;
    }
}
