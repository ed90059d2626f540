package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.Simulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Transit from the US lab to China ({@code transit.days}), then Chinese customs: clearance takes
 * {@code customs.clearanceDays}, and nothing clears inside a block window ({@code customs.blocks}): clearance starts
 * no earlier than the end of a block covering the arrival, and one that would fall inside a block is put off to its
 * end. Shipments wait at the border, they are never lost. Cleared shipments are delivered.
 */
final class Border implements StageInput {

    private final Simulator sim;
    private final Shipments shipments;
    private final Deliveries deliveries;
    private ContinuousSampler transitDays;
    private ContinuousSampler clearanceDays;
    private final double[] blockStart;
    private final double[] blockEnd;
    private final EventHandler arrived = this::atCustoms;
    private final EventHandler cleared = this::clear;

    Border(Simulator sim, Scenario scenario, Shipments shipments, Deliveries deliveries,
            ContinuousSampler transitDays, ContinuousSampler clearanceDays) {
        this.sim = sim;
        this.shipments = shipments;
        this.deliveries = deliveries;
        this.transitDays = transitDays;
        this.clearanceDays = clearanceDays;
        List<double[]> merged = merge(scenario.border().customsBlocks());
        blockStart = merged.stream().mapToDouble(w -> w[0]).toArray();
        blockEnd = merged.stream().mapToDouble(w -> w[1]).toArray();
    }

    /** Sorted, overlapping or touching windows joined, so one pass finds the end of a block. */
    private static List<double[]> merge(List<DateWindow> windows) {
        List<double[]> sorted = new ArrayList<>();
        for (DateWindow w : windows) {
            sorted.add(new double[] {w.startDay(), w.endDay()});
        }
        sorted.sort(Comparator.comparingDouble(w -> w[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] w : sorted) {
            if (!out.isEmpty() && w[0] <= out.get(out.size() - 1)[1]) {
                double[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], w[1]);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** From a date: the transit of shipments leaving the lab from now. */
    void transitDays(ContinuousSampler v) {
        transitDays = v;
    }

    /** From a date: the clearance of shipments reaching customs from now. */
    void clearanceDays(ContinuousSampler v) {
        clearanceDays = v;
    }

    @Override
    public void arrive(int s) {
        sim.schedule(transitDays.sample(), arrived, s);
    }

    private void atCustoms(int s) {
        shipments.move(s, Stage.CUSTOMS);
        double start = open(sim.now());
        // Block ends are dates, so every clearance ends at a finite instant (past the horizon, it never happens).
        sim.scheduleAt(open(start + clearanceDays.sample()), cleared, s);
    }

    /** @return the first instant at or after {@code t} outside every block */
    double open(double t) {
        for (int i = 0; i < blockStart.length; i++) {
            if (t >= blockStart[i] && t < blockEnd[i]) {
                return blockEnd[i];
            }
        }
        return t;
    }

    private void clear(int s) {
        shipments.move(s, Stage.DELIVERED);
        deliveries.deliver(s);
    }
}
