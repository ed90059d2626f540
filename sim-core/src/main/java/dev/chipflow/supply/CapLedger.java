package dev.chipflow.supply;

import dev.chipflow.engine.DoubleFifo;
import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import dev.chipflow.stats.TimeWeighted;

/**
 * The 50% rule: a release of {@code u} units to China at instant {@code t} is allowed only if
 * {@code C(W) + u <= cap.ratio x U(W)}, where {@code W} is the window ending at {@code t} and {@code C}, {@code U} count
 * the China releases and the US end-user shipments inside it. The window is cumulative from the policy's start
 * ({@code cap.rollingDays = 0}), or the last {@code R} days: {@code (t - R, t]}, so a shipment made at {@code s} counts
 * until, and not at, {@code s + R}. US shipments arrive weekly ({@code cap.usUnitsPerWeek}), the first one week
 * after the policy's start. Licensed shipments leave in order; the first one that does not fit waits, and with
 * {@code cap.split} on the part that fits goes first (exact to the unit).
 *
 * <p>The rule is checked at every release. Between releases a rolling window can show China above the ratio: a past
 * China release stays in the window after the US shipments that made room for it have left. That is not a breach (no
 * unit moves then); it means no release can happen until the window has room again. The headroom reported is
 * {@code ratio x U(W) - C(W)} at that instant, negative in that case.
 */
final class CapLedger implements StageInput {

    /** Absorbs the rounding of {@code ratio x US}; far below one unit for any realistic volume. */
    private static final double TOLERANCE = 1e-6;

    private final Simulator sim;
    private final Shipments shipments;
    private final StageInput next;
    private final Stage nextStage;
    private final Trace trace;
    private double ratio;
    private long usPerWeek;
    private final int rollingDays;
    private boolean split;
    private final double firstUsDay;
    private boolean usRunning;
    private final double horizon;
    private final IntFifo line = new IntFifo();
    private final DoubleFifo usExpiry = new DoubleFifo();
    private final DoubleFifo usUnits = new DoubleFifo();
    private final DoubleFifo chinaExpiry = new DoubleFifo();
    private final DoubleFifo chinaUnits = new DoubleFifo();
    private long usWindow;
    private long chinaWindow;
    private long usCumulative;
    private long chinaCumulative;
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
        this.ratio = scenario.us().capRatio();
        this.usPerWeek = scenario.us().usUnitsPerWeek();
        this.rollingDays = scenario.us().capRollingDays();
        this.split = scenario.us().capSplit();
        this.horizon = scenario.horizonDays();
        firstUsDay = Calendar.day(scenario.us().policyStart()) + 7;
        if (usPerWeek > 0 && firstUsDay < horizon) {
            usRunning = true;
            sim.scheduleAt(firstUsDay, usShipped, 0);
        }
    }

    /** From a date: the ratio and the split rule of every release from now; waiting shipments are looked at again. */
    void rules(double newRatio, boolean newSplit) {
        ratio = newRatio;
        split = newSplit;
        release();
    }

    /** From a date: the weekly US volume, on the same weekly days (the first of them from now, if none ran yet). */
    void usUnitsPerWeek(long v) {
        usPerWeek = v;
        if (!usRunning && v > 0) {
            double next = firstUsDay + 7 * Math.max(0, Math.ceil((sim.now() - firstUsDay) / 7));
            if (next < horizon) {
                usRunning = true;
                sim.scheduleAt(next, usShipped, 0);
            }
        }
    }

    @Override
    public void arrive(int s) {
        line.add(s);
        release();
    }

    /** @return {@code ratio x US - China} over the window ending now; infinite with no cap */
    double headroom() {
        return headroomAt(sim.now());
    }

    /** @return {@code ratio x US - China} over the window ending at {@code t}, not before now; infinite with no cap */
    double headroomAt(double t) {
        if (ratio == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        expire(t);
        return ratio * usWindow - chinaWindow;
    }

    private void usShipment() {
        double now = sim.now();
        usCumulative += usPerWeek;
        usWindow += usPerWeek;
        if (rollingDays > 0) {
            usExpiry.add(now + rollingDays);
            usUnits.add(usPerWeek);
        }
        trace.record(now, TraceEvent.Kind.US_SHIPPED, -1, -1, usPerWeek, null, null, -1);
        if (now + 7 < horizon) {
            sim.schedule(7, usShipped, 0);
        }
        release();
    }

    private void release() {
        double now = sim.now();
        while (!line.isEmpty()) {
            double room = headroom() + TOLERANCE;
            if (shipments.units(line.peek()) > room && (!split || room < 1)) {
                break;
            }
            int s = shipments.takeFromHead(line, (long) Math.min(Math.floor(room), Integer.MAX_VALUE));
            int u = shipments.units(s);
            chinaCumulative += u;
            chinaWindow += u;
            if (rollingDays > 0) {
                chinaExpiry.add(now + rollingDays);
                chinaUnits.add(u);
            }
            shipments.move(s, nextStage);
            next.arrive(s);
        }
        binding.update(now, line.isEmpty() ? 0 : 1);
        if (!line.isEmpty() && !chinaExpiry.isEmpty()) {
            // Room comes back when past China releases leave the rolling window: look again at the first expiry, the
            // very instant expire() drops it (both compare the same stored double).
            if (expiryCheck >= 0 && sim.isPending(expiryCheck)) {
                sim.cancel(expiryCheck);
            }
            double at = chinaExpiry.peek();
            expiryCheck = at < horizon ? sim.scheduleAt(at, recheck, 0) : -1;
        }
    }

    private void expire(double now) {
        while (!usExpiry.isEmpty() && usExpiry.peek() <= now) {
            usExpiry.poll();
            usWindow -= (long) usUnits.poll();
        }
        while (!chinaExpiry.isEmpty() && chinaExpiry.peek() <= now) {
            chinaExpiry.poll();
            chinaWindow -= (long) chinaUnits.poll();
        }
    }

    /** @return US end-user units in the window ending at {@code t}, not before now */
    long usWindowAt(double t) {
        expire(t);
        return usWindow;
    }

    /** @return China releases in the window ending at {@code t}, not before now */
    long chinaWindowAt(double t) {
        expire(t);
        return chinaWindow;
    }

    long usCumulative() {
        return usCumulative;
    }

    long chinaCumulative() {
        return chinaCumulative;
    }

    /** @return the time integral of "a shipment is waiting at the cap" up to {@code now} */
    double bindingDays(double now) {
        return binding.integral(now);
    }
}
