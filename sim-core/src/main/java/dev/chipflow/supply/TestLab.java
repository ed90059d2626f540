package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import dev.chipflow.random.Bernoulli;
import dev.chipflow.stats.Tally;
import dev.chipflow.stats.TimeWeighted;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The third-party test in a US lab. The test is per lot, not per shipment, so that how the flow is cut does not
 * change the lab's capacity: the lab takes waiting shipments first come first served into lots of up to
 * {@code lab.lotUnits} units (a shipment at the edge of a lot is split, exact to the unit; a lot may hold several
 * firms' units), tests {@code lab.lines} lots at once, each for {@code lab.baseDays + lab.daysPerUnit x units} (both
 * parts random, one draw each per test), and a lot fails with probability {@code lab.failureShare}: its shipments
 * join the end of the line and are tested again. Tested shipments leave for China.
 *
 * <p>Lots form at the end of the instant at which shipments arrive or a line frees (a zero-delay event), so that every
 * shipment released at one instant can share a lot whatever the order of the events of that instant.
 */
final class TestLab implements StageInput {

    private final Simulator sim;
    private final Shipments shipments;
    private final StageInput next;
    private final Trace trace;
    private ContinuousSampler baseDays;
    private ContinuousSampler daysPerUnit;
    private Bernoulli failure;
    private int lines;
    private long lotUnits;
    private final IntFifo line = new IntFifo();
    private int busy;
    private boolean startPending;
    private long tests;
    private long failures;
    private final Tally waits = new Tally();
    private final TimeWeighted queueLength = new TimeWeighted(0, 0);
    private final TimeWeighted busyLines = new TimeWeighted(0, 0);
    /** Lines over time (a timeline may change them); utilisation is busy lines over lines, both time-averaged. */
    private final TimeWeighted lineCount;
    private boolean everUnlimited;
    private final EventHandler tested = this::finish;
    private final EventHandler start = ignored -> startTests();

    TestLab(Simulator sim, Scenario scenario, Shipments shipments, StageInput next, Trace trace,
            ContinuousSampler baseDays, ContinuousSampler daysPerUnit, Bernoulli failure) {
        this.sim = sim;
        this.shipments = shipments;
        this.next = next;
        this.trace = trace;
        this.baseDays = baseDays;
        this.daysPerUnit = daysPerUnit;
        this.failure = failure;
        this.lines = scenario.lab().lines();
        this.lineCount = new TimeWeighted(0, lines);
        this.everUnlimited = lines == Integer.MAX_VALUE;
        this.lotUnits = scenario.lab().lotUnits();
    }

    /** From a date: the fixed part of tests started from now. */
    void baseDays(ContinuousSampler v) {
        baseDays = v;
    }

    /** From a date: the per-unit part of tests started from now. */
    void daysPerUnit(ContinuousSampler v) {
        daysPerUnit = v;
    }

    /** From a date: the failure draw of tests ending from now. */
    void failure(Bernoulli v) {
        failure = v;
    }

    /**
     * From a date: lines and lot size. More lines start tests now; with fewer, running tests finish and none starts
     * until fewer than the new number are busy.
     */
    void capacity(int newLines, long newLotUnits) {
        lines = newLines;
        lotUnits = newLotUnits;
        lineCount.update(sim.now(), newLines);
        everUnlimited |= newLines == Integer.MAX_VALUE;
        requestStart();
    }

    @Override
    public void arrive(int s) {
        line.add(s);
        queueLength.update(sim.now(), line.size());
        requestStart();
    }

    private void requestStart() {
        if (!startPending && busy < lines) {
            startPending = true;
            sim.schedule(0, start, 0);
        }
    }

    private void startTests() {
        startPending = false;
        double now = sim.now();
        while (busy < lines && !line.isEmpty()) {
            int head = FREE;
            int tail = FREE;
            long lot = 0;
            while (lot < lotUnits && !line.isEmpty()) {
                int s = shipments.takeFromHead(line, lotUnits - lot);
                waits.add(now - shipments.enteredAt(s));
                shipments.move(s, Stage.LAB_TEST);
                shipments.setLink(s, FREE);
                if (head == FREE) {
                    head = s;
                } else {
                    shipments.setLink(tail, s);
                }
                tail = s;
                lot += shipments.units(s);
            }
            busy++;
            tests++;
            trace.record(now, TraceEvent.Kind.LOT_STARTED, head, -1, lot, Stage.LAB_QUEUE, Stage.LAB_TEST, -1);
            sim.schedule(baseDays.sample() + daysPerUnit.sample() * lot, tested, head);
        }
        queueLength.update(now, line.size());
        busyLines.update(now, busy);
    }

    private static final int FREE = Shipments.FREE;

    private void finish(int head) {
        busy--;
        boolean failed = failure.trial();
        trace.record(sim.now(), TraceEvent.Kind.LOT_ENDED, head, -1, 0, Stage.LAB_TEST,
                failed ? Stage.LAB_QUEUE : Stage.TRANSIT, failed ? 1 : 0);
        if (failed) {
            failures++;
        }
        for (int s = head; s != FREE; ) {
            int after = shipments.link(s);
            if (failed) {
                shipments.move(s, Stage.LAB_QUEUE);
                line.add(s);
            } else {
                shipments.move(s, Stage.TRANSIT);
                next.arrive(s);
            }
            s = after;
        }
        // A line is free now, so startTests runs at this same instant and records the queue and the busy lines.
        requestStart();
    }

    int queued() {
        return line.size();
    }

    int busy() {
        return busy;
    }

    long tests() {
        return tests;
    }

    long failures() {
        return failures;
    }

    double meanWait() {
        return waits.count() == 0 ? 0 : waits.mean();
    }

    double meanQueue(double now) {
        return queueLength.mean(now);
    }

    double meanBusy(double now) {
        return busyLines.mean(now);
    }

    /** @return busy lines over lines, both averaged over the run; NaN if the lines were ever unlimited */
    double utilisation(double now) {
        return everUnlimited || lineCount.mean(now) == 0 ? Double.NaN : busyLines.mean(now) / lineCount.mean(now);
    }
}
