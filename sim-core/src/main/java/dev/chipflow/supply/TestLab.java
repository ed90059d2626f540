package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import dev.chipflow.random.Bernoulli;
import dev.chipflow.stats.Tally;
import dev.chipflow.stats.TimeWeighted;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The third-party test in a US lab: {@code lab.lines} shipments tested at once (FIFO line), each for
 * {@code lab.baseDays} plus {@code lab.daysPerUnit} per unit; a share {@code lab.failureShare} fails and joins the end
 * of the line to be tested again. Tested shipments leave for China.
 */
final class TestLab implements StageInput {

    private final Simulator sim;
    private final Shipments shipments;
    private final StageInput next;
    private final ContinuousSampler baseDays;
    private final double daysPerUnit;
    private final Bernoulli failure;
    private final int lines;
    private final IntFifo line = new IntFifo();
    private int busy;
    private long tests;
    private long failures;
    private final Tally waits = new Tally();
    private final TimeWeighted queueLength = new TimeWeighted(0, 0);
    private final TimeWeighted busyLines = new TimeWeighted(0, 0);
    private final EventHandler tested = this::finish;

    TestLab(Simulator sim, Scenario scenario, Shipments shipments, StageInput next, ContinuousSampler baseDays,
            Bernoulli failure) {
        this.sim = sim;
        this.shipments = shipments;
        this.next = next;
        this.baseDays = baseDays;
        this.daysPerUnit = scenario.labDaysPerUnit();
        this.failure = failure;
        this.lines = scenario.labLines();
    }

    @Override
    public void arrive(int s) {
        line.add(s);
        queueLength.update(sim.now(), line.size());
        startTests();
    }

    private void startTests() {
        double now = sim.now();
        while (busy < lines && !line.isEmpty()) {
            int s = line.poll();
            waits.add(now - shipments.enteredAt(s));
            shipments.move(s, Stage.LAB_TEST);
            busy++;
            tests++;
            sim.schedule(baseDays.sample() + daysPerUnit * shipments.units(s), tested, s);
        }
        queueLength.update(now, line.size());
        busyLines.update(now, busy);
    }

    private void finish(int s) {
        busy--;
        if (failure.trial()) {
            failures++;
            shipments.move(s, Stage.LAB_QUEUE);
            line.add(s);
        } else {
            shipments.move(s, Stage.TRANSIT);
            next.arrive(s);
        }
        startTests();
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

    int lines() {
        return lines;
    }
}
