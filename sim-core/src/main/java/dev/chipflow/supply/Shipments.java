package dev.chipflow.supply;

import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import java.util.Arrays;

/**
 * Every shipment of one replication, as parallel primitive arrays indexed by shipment number, and the per-firm,
 * per-stage books kept as shipments move: units in each stage, units that entered each stage, unit-days waited in
 * each stage, and, for units delivered, the stage where each waited longest.
 *
 * <p>A delivered shipment's number is recycled, so memory follows the shipments in flight, not the horizon.
 */
final class Shipments {

    static final int FREE = -1;
    private static final int STAGES = Stage.values().length;

    private final Simulator sim;
    private final Trace trace;

    private int[] firm;
    private int[] units;
    private int[] order;
    private int[] stage;
    private double[] orderedAt;
    private double[] enteredAt;
    private double[] longestWait;
    private int[] longestStage;
    private int[] link;
    private int[] freeList;
    private int freeCount;
    private int highWater;

    /** Per firm x stage: units there now. */
    final long[] unitsIn;
    /** Per firm x stage: units that entered the stage moving forward. */
    final long[] entered;
    /** Per firm x stage: unit-days spent there. */
    final double[] unitDays;
    /** Per firm x stage: units (delivered or, at the end, not) whose longest wait was there. */
    final long[] attributed;
    /** Per firm: units that never waited a positive time in any stage. */
    final long[] unheld;

    Shipments(Simulator sim, int firms, Trace trace, int capacity) {
        this.sim = sim;
        this.trace = trace;
        int c = Math.max(16, capacity);
        firm = new int[c];
        units = new int[c];
        order = new int[c];
        stage = new int[c];
        orderedAt = new double[c];
        enteredAt = new double[c];
        longestWait = new double[c];
        longestStage = new int[c];
        link = new int[c];
        freeList = new int[c];
        unitsIn = new long[firms * STAGES];
        entered = new long[firms * STAGES];
        unitDays = new double[firms * STAGES];
        attributed = new long[firms * STAGES];
        unheld = new long[firms];
    }

    /** Creates a shipment of an order, in {@link Stage#APPROVAL}. */
    int create(int firmIndex, int orderIndex, int unitCount) {
        int s = freeCount > 0 ? freeList[--freeCount] : next();
        double now = sim.now();
        firm[s] = firmIndex;
        units[s] = unitCount;
        order[s] = orderIndex;
        stage[s] = Stage.APPROVAL.ordinal();
        orderedAt[s] = now;
        enteredAt[s] = now;
        longestWait[s] = 0;
        longestStage[s] = FREE;
        link[s] = FREE;
        int k = firmIndex * STAGES + Stage.APPROVAL.ordinal();
        unitsIn[k] += unitCount;
        entered[k] += unitCount;
        trace.record(now, TraceEvent.Kind.CREATED, s, firmIndex, unitCount, null, Stage.APPROVAL, orderIndex);
        return s;
    }

    private int next() {
        if (highWater == firm.length) {
            int n = firm.length * 2;
            firm = Arrays.copyOf(firm, n);
            units = Arrays.copyOf(units, n);
            order = Arrays.copyOf(order, n);
            stage = Arrays.copyOf(stage, n);
            orderedAt = Arrays.copyOf(orderedAt, n);
            enteredAt = Arrays.copyOf(enteredAt, n);
            longestWait = Arrays.copyOf(longestWait, n);
            longestStage = Arrays.copyOf(longestStage, n);
            link = Arrays.copyOf(link, n);
            freeList = Arrays.copyOf(freeList, n);
        }
        return highWater++;
    }

    /**
     * Moves a shipment to another stage now: books the time it waited in the stage it leaves.
     */
    void move(int s, Stage to) {
        double now = sim.now();
        int from = stage[s];
        int f = firm[s];
        int u = units[s];
        double wait = now - enteredAt[s];
        int k = f * STAGES;
        unitDays[k + from] += u * wait;
        if (wait > longestWait[s]) {
            longestWait[s] = wait;
            longestStage[s] = from;
        }
        unitsIn[k + from] -= u;
        int t = to.ordinal();
        unitsIn[k + t] += u;
        if (t > from) {
            entered[k + t] += u;
        }
        stage[s] = t;
        enteredAt[s] = now;
        trace.record(now, TraceEvent.Kind.MOVED, s, f, u, Stage.of(from), to, -1);
    }

    /**
     * Splits {@code part} units off shipment {@code s} into a new shipment in the same stage, with the same history.
     *
     * @return the new shipment, holding {@code part} units; {@code s} keeps the rest
     */
    int split(int s, int part) {
        if (part <= 0 || part >= units[s]) {
            throw new IllegalStateException("cannot split " + part + " units off a shipment of " + units[s]);
        }
        int t = freeCount > 0 ? freeList[--freeCount] : next();
        firm[t] = firm[s];
        units[t] = part;
        units[s] -= part;
        order[t] = order[s];
        stage[t] = stage[s];
        orderedAt[t] = orderedAt[s];
        enteredAt[t] = enteredAt[s];
        longestWait[t] = longestWait[s];
        longestStage[t] = longestStage[s];
        link[t] = FREE;
        trace.record(sim.now(), TraceEvent.Kind.SPLIT, s, firm[s], part, Stage.of(stage[s]), Stage.of(stage[s]), t);
        return t;
    }

    /**
     * Takes up to {@code max} units from the head of a line, exact to the unit: the head shipment itself if it fits
     * (removed from the line), else a part of it split off (the rest keeps its place at the head).
     *
     * @param line a non-empty line of shipments
     * @param max  at least 1
     * @return the shipment taken
     */
    int takeFromHead(IntFifo line, long max) {
        int s = line.peek();
        return units[s] > max ? split(s, (int) max) : line.poll();
    }

    /** Books a delivered shipment's attribution and frees its number. */
    void deliver(int s) {
        attribute(firm[s], longestStage[s], units[s]);
        stage[s] = FREE;
        freeList[freeCount++] = s;
    }

    private void attribute(int f, int longest, int u) {
        if (longest == FREE) {
            unheld[f] += u;
        } else {
            attributed[f * STAGES + longest] += u;
        }
    }

    /** At the end of the run: books the current wait of every shipment still in flight, and its attribution. */
    void closeBooks() {
        double now = sim.now();
        for (int s = 0; s < highWater; s++) {
            int st = stage[s];
            if (st == FREE) {
                continue;
            }
            int k = firm[s] * STAGES;
            double wait = now - enteredAt[s];
            unitDays[k + st] += units[s] * wait;
            int longest = wait > longestWait[s] ? st : longestStage[s];
            attribute(firm[s], longest, units[s]);
        }
    }

    int firm(int s) {
        return firm[s];
    }

    int units(int s) {
        return units[s];
    }

    int order(int s) {
        return order[s];
    }

    /** @return the shipment after {@code s} in the group (a test lot) it belongs to, or {@link #FREE} */
    int link(int s) {
        return link[s];
    }

    void setLink(int s, int next) {
        link[s] = next;
    }

    double orderedAt(int s) {
        return orderedAt[s];
    }

    /** @return one past the highest shipment number used so far */
    int highWater() {
        return highWater;
    }

    /** @return whether shipment {@code s} is in stage {@code st} now */
    boolean isIn(int s, Stage st) {
        return stage[s] == st.ordinal();
    }

    double enteredAt(int s) {
        return enteredAt[s];
    }

    long entered(int f, Stage st) {
        return entered[f * STAGES + st.ordinal()];
    }
}
