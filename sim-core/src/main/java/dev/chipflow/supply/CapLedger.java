package dev.chipflow.supply;

import dev.chipflow.engine.DoubleFifo;
import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import dev.chipflow.stats.TimeWeighted;

/**
 * The 50% rule: units shipped to China, counted from the policy's start, may never exceed {@code cap.ratio} times
 * units shipped to US end users over the same window (cumulative, or the last {@code cap.rollingDays} days). US
 * shipments arrive weekly ({@code cap.usUnitsPerWeek}). Licensed shipments leave in order; the first one that would
 * break the cap waits (with {@code cap.split} on, the part that fits goes, in whole modules).
 *
 * <p>Each release is checked against the ledger at that instant, so the cap holds at every release by construction;
 * tests check it again from the trace.
 */
final class CapLedger implements StageInput {

    private final Simulator sim;
    private final Shipments shipments;
    private final StageInput next;
    private final Stage nextStage;
    private final Trace trace;
    private final double ratio;
    private final long usPerWeek;
    private final int rollingDays;
    private final boolean split;
    private final int moduleUnits;
    private final double horizon;
    private final IntFifo line = new IntFifo();
    private final DoubleFifo usTimes = new DoubleFifo();
    private final DoubleFifo usUnits = new DoubleFifo();
    private final DoubleFifo chinaTimes = new DoubleFifo();
    private final DoubleFifo chinaUnits = new DoubleFifo();
    private double usWindow;
    private double chinaWindow;
    private double usCumulative;
    private double chinaCumulative;
    private final TimeWeighted binding = new TimeWeighted(0, 0);
    private long expiryCheck = -1;
    private final EventHandler usShipped = ignored -> usShipment();
    private final EventHandler recheck = ignored -> release();

    CapLedger(Simulator sim, Scenario scenario, Shipments shipments, StageInput next, Stage nextStage,
            Trace trace) {
        this.sim = sim;
        this.shipments = shipments;
        this.next = next;
        this.nextStage = nextStage;
        this.trace = trace;
        this.ratio = scenario.capRatio();
        this.usPerWeek = scenario.usUnitsPerWeek();
        this.rollingDays = scenario.capRollingDays();
        this.split = scenario.capSplit();
        this.moduleUnits = scenario.moduleUnits();
        this.horizon = scenario.horizonDays();
        double first = Calendar.day(scenario.licencePolicyStart()) + 7;
        if (usPerWeek > 0 && first < horizon) {
            sim.scheduleAt(first, usShipped, 0);
        }
    }

    @Override
    public void arrive(int s) {
        line.add(s);
        release();
    }

    /** @return ratio x US - China over the current window; infinite with no cap */
    double headroom() {
        if (ratio == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        expire(sim.now());
        return ratio * usWindow - chinaWindow;
    }

    private void usShipment() {
        double now = sim.now();
        usCumulative += usPerWeek;
        usWindow += usPerWeek;
        if (rollingDays > 0) {
            usTimes.add(now);
            usUnits.add(usPerWeek);
        }
        trace.record(now, TraceEvent.Kind.US_SHIPPED, -1, -1, usPerWeek, null, null, -1);
        if (now + 7 < horizon) {
            sim.schedule(7, usShipped, 0);
        }
        release();
    }

    private void release() {
        while (!line.isEmpty()) {
            int s = line.peek();
            int u = shipments.units(s);
            double room = headroom();
            if (u > room) {
                long part = room >= moduleUnits && split ? (long) (room / moduleUnits) * moduleUnits : 0;
                if (part <= 0) {
                    break;
                }
                s = shipments.split(s, (int) part);
                u = (int) part;
            } else {
                line.poll();
            }
            chinaCumulative += u;
            chinaWindow += u;
            if (rollingDays > 0) {
                chinaTimes.add(sim.now());
                chinaUnits.add(u);
            }
            shipments.move(s, nextStage);
            next.arrive(s);
        }
        binding.update(sim.now(), line.isEmpty() ? 0 : 1);
        if (!line.isEmpty() && rollingDays > 0 && !chinaTimes.isEmpty()) {
            // Room comes back when past China shipments leave the rolling window: look again then.
            if (expiryCheck >= 0 && sim.isPending(expiryCheck)) {
                sim.cancel(expiryCheck);
            }
            double at = chinaTimes.peek() + rollingDays;
            expiryCheck = at < horizon ? sim.scheduleAt(at, recheck, 0) : -1;
        }
    }

    private void expire(double now) {
        if (rollingDays == 0) {
            return;
        }
        double cutoff = now - rollingDays;
        while (!usTimes.isEmpty() && usTimes.peek() <= cutoff) {
            usTimes.poll();
            usWindow -= usUnits.poll();
        }
        while (!chinaTimes.isEmpty() && chinaTimes.peek() <= cutoff) {
            chinaTimes.poll();
            chinaWindow -= chinaUnits.poll();
        }
    }

    double usWindow() {
        expire(sim.now());
        return usWindow;
    }

    double chinaWindow() {
        expire(sim.now());
        return chinaWindow;
    }

    double usCumulative() {
        return usCumulative;
    }

    double chinaCumulative() {
        return chinaCumulative;
    }

    /** @return the time integral of "a shipment is waiting at the cap" up to {@code now} */
    double bindingDays(double now) {
        return binding.integral(now);
    }
}
