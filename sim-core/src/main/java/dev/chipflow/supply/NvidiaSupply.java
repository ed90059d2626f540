package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.HeapEventList;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import java.util.Arrays;
import java.util.List;

/**
 * Nvidia's side: an inventory on day 0, new output each day from {@code supply.productionStart} at
 * {@code supply.productionPerWeek} except in halt windows, and purchase orders waiting for units. Allocation is exact
 * to the unit (a purchase order larger than the inventory left takes what there is and waits for the rest); a firm's
 * own purchase orders are served in order, and firms share by {@code supply.allocation}:
 * <ul>
 * <li>{@code FCFS}: the purchase order that arrived first, across firms, is served first;</li>
 * <li>{@code PRIORITY}: the firm of lowest rank is served first (equal ranks: the firm waiting longest);</li>
 * <li>{@code PRO_RATA}: water-filling on {@code allocated / approved} (approvals dated up to now: a later one is not
 * known yet): the inventory raises the firms with the lowest
 * share of their approved quantity to a common level, so that over time each firm's allocation stays proportional
 * to its approvals as far as its purchase orders reach; whole units are shared by largest remainder (ties: scenario
 * order).</li>
 * </ul>
 *
 * <p>Firms waiting under FCFS and PRIORITY are kept in an indexed heap keyed by the policy (the engine's event list
 * serves as one), so each allocation costs O(log firms).
 */
final class NvidiaSupply {

    /** Tickets per rank in a PRIORITY key: {@code rank x 2^32 + ticket} stays exact for ranks up to a million. */
    private static final double TICKETS = 4_294_967_296.0;

    private final Simulator sim;
    private final Shipments shipments;
    private final StageInput next;
    private final Trace trace;
    private AllocationPolicy policy;
    private final IntFifo[] waiting;
    private final HeapEventList firmsWaiting;
    private final long[] allocated;
    private final long[] demand;
    private final double[] approvedNow;
    private final double[][] approvalDays;
    private final double[][] approvalUnits;
    private final int[] priority;
    private double perWeek;
    /** Output made up to the last rate change, exactly, and the producing days then: the rate applies after them. */
    private double exactBefore;
    private long daysBefore;
    private final double productionStart;
    private boolean producing;
    private final double[] haltStart;
    private final double[] haltEnd;
    private final double horizon;
    private final long inventoryStart;
    private long inventory;
    private long produced;
    private long producingDays;
    private long ticket;
    private long[] ticketOf = new long[64];
    private final ProRataShares shares;
    private final EventHandler output = ignored -> produce();

    NvidiaSupply(Simulator sim, Scenario scenario, Shipments shipments, StageInput next, Trace trace) {
        this.sim = sim;
        this.shipments = shipments;
        this.next = next;
        this.trace = trace;
        this.policy = scenario.supply().allocation();
        int firms = scenario.firms().size();
        waiting = new IntFifo[firms];
        allocated = new long[firms];
        demand = new long[firms];
        approvedNow = new double[firms];
        approvalDays = new double[firms][];
        approvalUnits = new double[firms][];
        priority = new int[firms];
        for (int f = 0; f < firms; f++) {
            waiting[f] = new IntFifo();
            List<Approval> approvals = scenario.firms().get(f).approvals();
            approvalDays[f] = approvals.stream().mapToDouble(a -> Calendar.day(a.date())).toArray();
            approvalUnits[f] = approvals.stream().mapToDouble(Approval::units).toArray();
            priority[f] = scenario.firms().get(f).priority();
        }
        firmsWaiting = new HeapEventList(Math.max(1, firms));
        shares = new ProRataShares(firms);
        inventoryStart = scenario.supply().inventoryUnits();
        inventory = inventoryStart;
        perWeek = scenario.supply().productionUnitsPerWeek();
        haltStart = scenario.supply().productionHalts().stream().mapToDouble(DateWindow::startDay).toArray();
        haltEnd = scenario.supply().productionHalts().stream().mapToDouble(DateWindow::endDay).toArray();
        horizon = scenario.horizonDays();
        productionStart = scenario.supply().productionStart() == null ? Double.NaN
                : Calendar.day(scenario.supply().productionStart());
        if (perWeek > 0) {
            startProduction();
        }
    }

    private void startProduction() {
        // NaN (never) compares false: no production.
        double start = Math.max(productionStart, sim.now());
        if (start < horizon) {
            producing = true;
            sim.scheduleAt(start, output, 0);
        }
    }

    /** From a date: output per week; the producing days from now add the new rate to what was made. */
    void productionPerWeek(double v) {
        exactBefore += (producingDays - daysBefore) * perWeek / 7.0;
        daysBefore = producingDays;
        perWeek = v;
        if (!producing && v > 0) {
            startProduction();
        }
    }

    /** From a date: how firms share what is allocated from now. */
    void allocation(AllocationPolicy v) {
        while (firmsWaiting.size() > 0) {
            firmsWaiting.pollFirst();
        }
        policy = v;
        if (v != AllocationPolicy.PRO_RATA) {
            for (int f = 0; f < waiting.length; f++) {
                if (!waiting[f].isEmpty()) {
                    firmsWaiting.insert(f, key(f));
                }
            }
        }
        // Nothing to allocate now: units wait here only when the inventory is empty (every policy hands out all of
        // it while anyone waits), so the new policy first acts at the next output.
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
        demand[f] += shipments.units(s);
        if (wasIdle && policy != AllocationPolicy.PRO_RATA) {
            firmsWaiting.insert(f, key(f));
        }
        allocate();
    }

    /** FCFS: the head purchase order's arrival ticket; PRIORITY: rank first, then that ticket (exact in a double). */
    private double key(int f) {
        double t = ticketOf[waiting[f].peek()];
        return policy == AllocationPolicy.FCFS ? t : priority[f] * TICKETS + t;
    }

    private void produce() {
        double now = sim.now();
        if (!halted(now)) {
            // floor(n x perWeek / 7) after n producing days, from the count: a running sum of perWeek / 7 drifts
            // below a whole number of weeks' output (674,999.99999 after 27 weeks of 25,000) and would lose a unit.
            producingDays++;
            long whole = (long) Math.floor(exactBefore + (producingDays - daysBefore) * perWeek / 7.0 + 1e-9);
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
        if (policy == AllocationPolicy.PRO_RATA) {
            allocateProRata();
            return;
        }
        while (inventory > 0 && firmsWaiting.size() > 0) {
            int f = firmsWaiting.pollFirst();
            // FCFS is per purchase order across firms: serve the head order only, then look again at whose comes
            // first. PRIORITY serves the firm: its whole line.
            take(f, policy == AllocationPolicy.FCFS ? Math.min(inventory, shipments.units(waiting[f].peek()))
                    : inventory);
            if (!waiting[f].isEmpty()) {
                firmsWaiting.insert(f, key(f));
            }
        }
    }

    private void allocateProRata() {
        if (inventory <= 0) {
            return;
        }
        // Weights are the approvals granted by now: an approval dated later is not known yet.
        double now = sim.now();
        for (int f = 0; f < approvedNow.length; f++) {
            double sum = 0;
            for (int a = 0; a < approvalDays[f].length; a++) {
                if (approvalDays[f][a] <= now) {
                    sum += approvalUnits[f][a];
                }
            }
            approvedNow[f] = sum;
        }
        long[] give = shares.split(inventory, demand, allocated, approvedNow);
        for (int i = 0; i < shares.count(); i++) {
            int f = shares.firm(i);
            take(f, give[f]);
        }
    }

    /** Allocates up to {@code max} units to firm {@code f}'s purchase orders, in order. */
    private void take(int f, long max) {
        IntFifo line = waiting[f];
        long left = max;
        while (left > 0 && !line.isEmpty()) {
            int s = shipments.takeFromHead(line, left);
            int u = shipments.units(s);
            left -= u;
            inventory -= u;
            allocated[f] += u;
            demand[f] -= u;
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
