package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.HeapEventList;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import java.util.Arrays;

/**
 * Nvidia's side: an inventory on day 0, new output each day from {@code supply.productionStart} at
 * {@code supply.productionPerWeek} except in halt windows, and purchase orders waiting for units. Allocation takes
 * whole shipments: which firm's next purchase order is served follows {@code supply.allocation} (first come first
 * served across firms, pro rata to approved quantities, or fixed priority); a firm's own purchase orders go in order.
 *
 * <p>Firms waiting are kept in an indexed heap keyed by the policy (the engine's event list serves as one), so each
 * allocation costs O(log firms).
 */
final class NvidiaSupply {

    private final Simulator sim;
    private final Shipments shipments;
    private final StageInput next;
    private final Trace trace;
    private final AllocationPolicy policy;
    private final IntFifo[] waiting;
    private final HeapEventList firmsWaiting;
    private final long[] allocated;
    private final double[] approvedTotal;
    private final int[] priority;
    private final double perDay;
    private final double[] haltStart;
    private final double[] haltEnd;
    private final double horizon;
    private final long inventoryStart;
    private long inventory;
    private long produced;
    private double producedExact;
    private long ticket;
    private long[] ticketOf = new long[64];
    private final EventHandler output = ignored -> produce();

    NvidiaSupply(Simulator sim, Scenario scenario, Shipments shipments, StageInput next, Trace trace) {
        this.sim = sim;
        this.shipments = shipments;
        this.next = next;
        this.trace = trace;
        this.policy = scenario.allocation();
        int firms = scenario.firms().size();
        waiting = new IntFifo[firms];
        allocated = new long[firms];
        approvedTotal = new double[firms];
        priority = new int[firms];
        for (int f = 0; f < firms; f++) {
            waiting[f] = new IntFifo();
            approvedTotal[f] = scenario.firms().get(f).approvedUnits();
            priority[f] = scenario.firms().get(f).priority();
        }
        firmsWaiting = new HeapEventList(Math.max(1, firms));
        inventoryStart = scenario.inventoryUnits();
        inventory = inventoryStart;
        perDay = scenario.productionUnitsPerWeek() / 7.0;
        haltStart = scenario.productionHalts().stream().mapToDouble(DateWindow::startDay).toArray();
        haltEnd = scenario.productionHalts().stream().mapToDouble(DateWindow::endDay).toArray();
        horizon = scenario.horizonDays();
        if (scenario.productionStart() != null && perDay > 0) {
            double start = Calendar.day(scenario.productionStart());
            if (start < horizon) {
                sim.scheduleAt(start, output, 0);
            }
        }
    }

    /** A purchase order (one shipment) joins its firm's line. */
    void arrive(int s) {
        int f = shipments.firm(s);
        if (s >= ticketOf.length) {
            ticketOf = Arrays.copyOf(ticketOf, Math.max(ticketOf.length * 2, s + 1));
        }
        ticketOf[s] = ticket++;
        boolean wasIdle = waiting[f].isEmpty();
        waiting[f].add(s);
        if (wasIdle) {
            firmsWaiting.insert(f, key(f));
        }
        allocate();
    }

    private double key(int f) {
        return switch (policy) {
            case FCFS -> ticketOf[waiting[f].peek()];
            case PRO_RATA -> approvedTotal[f] > 0 ? allocated[f] / approvedTotal[f] : Double.MAX_VALUE;
            case PRIORITY -> priority[f];
        };
    }

    private void produce() {
        double now = sim.now();
        if (!halted(now)) {
            producedExact += perDay;
            long whole = (long) Math.floor(producedExact + 1e-9);
            long added = whole - produced;
            inventory += added;
            produced = whole;
            if (added > 0) {
                trace.record(now, TraceEvent.Kind.PRODUCED, -1, -1, added, null, null, -1);
            }
        }
        if (now + 1 < horizon) {
            sim.schedule(1, output, 0);
        }
        allocate();
    }

    private boolean halted(double day) {
        for (int i = 0; i < haltStart.length; i++) {
            if (day >= haltStart[i] && day < haltEnd[i]) {
                return true;
            }
        }
        return false;
    }

    private void allocate() {
        while (firmsWaiting.size() > 0) {
            double k = firmsWaiting.firstTime();
            int f = firmsWaiting.pollFirst();
            IntFifo line = waiting[f];
            int s = line.peek();
            int u = shipments.units(s);
            if (u > inventory) {
                firmsWaiting.insert(f, k);
                return;
            }
            line.poll();
            inventory -= u;
            allocated[f] += u;
            if (!line.isEmpty()) {
                firmsWaiting.insert(f, key(f));
            }
            shipments.move(s, Stage.LICENCE);
            next.arrive(s);
        }
    }

    long inventory() {
        return inventory;
    }

    long inventoryStart() {
        return inventoryStart;
    }

    long produced() {
        return produced;
    }
}
