package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * China's side before a purchase order: approvals per firm on dates, consumed by the firm's waiting shipments in
 * order; then the NDRC conditions of each approval. A conditional approval's shipments wait until its conditions are
 * final ({@code ndrc.conditionDays} after the approval, or never if {@code ndrc.conditionsFinalize} is off); a final
 * approval's pass at once. A shipment larger than what is left of an approval is split at the approval's edge,
 * exact to the unit.
 */
final class ChinaApproval {

    private final Simulator sim;
    private final Shipments shipments;
    private final Conversion conversion;
    private ContinuousSampler ndrcDays;
    private boolean conditionsFinalize;

    private final int[] approvalFirm;
    private final long[] remaining;
    private final boolean[] conditional;
    private final boolean[] finalNow;
    /** Per approval: granted, and when; whether its NDRC delay was drawn; whether that delay ran out while held. */
    private final boolean[] grantedYet;
    private final double[] grantedAt;
    private final boolean[] drawn;
    private final boolean[] due;
    private final IntFifo[] waitingConditions;
    private final IntFifo[] waitingApproval;
    private final IntFifo[] openApprovals;

    private final EventHandler granted = this::grant;
    private final EventHandler conditionsFinal = this::finalise;

    ChinaApproval(Simulator sim, Scenario scenario, Shipments shipments, Conversion conversion,
            ContinuousSampler ndrcDays) {
        this.sim = sim;
        this.shipments = shipments;
        this.conversion = conversion;
        this.ndrcDays = ndrcDays;
        this.conditionsFinalize = scenario.china().conditionsFinalize();
        int firms = scenario.firms().size();
        int n = scenario.firms().stream().mapToInt(f -> f.approvals().size()).sum();
        approvalFirm = new int[n];
        remaining = new long[n];
        conditional = new boolean[n];
        finalNow = new boolean[n];
        grantedYet = new boolean[n];
        grantedAt = new double[n];
        drawn = new boolean[n];
        due = new boolean[n];
        waitingConditions = new IntFifo[n];
        waitingApproval = new IntFifo[firms];
        openApprovals = new IntFifo[firms];
        int a = 0;
        for (int f = 0; f < firms; f++) {
            waitingApproval[f] = new IntFifo();
            openApprovals[f] = new IntFifo();
            // Each approval opens on its date as an event, so they are consumed in date order whatever order they
            // were listed in (same date: listed order).
            for (Approval ap : scenario.firms().get(f).approvals()) {
                approvalFirm[a] = f;
                remaining[a] = ap.units();
                conditional[a] = ap.conditional();
                waitingConditions[a] = new IntFifo(4);
                double day = Calendar.day(ap.date());
                if (day < scenario.horizonDays()) {
                    sim.scheduleAt(day, granted, a);
                }
                a++;
            }
        }
    }

    /** A new shipment of an order joins its firm's line for approval. */
    void arrive(int s) {
        waitingApproval[shipments.firm(s)].add(s);
    }

    private void grant(int a) {
        int f = approvalFirm[a];
        openApprovals[f].add(a);
        grantedYet[a] = true;
        grantedAt[a] = sim.now();
        if (!conditional[a]) {
            finalNow[a] = true;
        } else if (conditionsFinalize) {
            drawn[a] = true;
            sim.schedule(ndrcDays.sample(), conditionsFinal, a);
        }
        approveWaiting(f);
    }

    /** Approves the firm's waiting shipments, in order, as far as its open approvals reach. */
    void approveWaiting(int f) {
        approveLine(f);
        conversion.convert(f);
    }

    private void approveLine(int f) {
        IntFifo line = waitingApproval[f];
        IntFifo open = openApprovals[f];
        while (!line.isEmpty() && !open.isEmpty()) {
            int a = open.peek();
            // Exact to the unit: a shipment larger than the approval's room is split; the rest keeps its place.
            int s = shipments.takeFromHead(line, remaining[a]);
            remaining[a] -= shipments.units(s);
            approve(s, a);
            if (remaining[a] == 0) {
                open.poll();
            }
        }
    }

    private void approve(int s, int a) {
        shipments.move(s, Stage.CONDITIONS);
        if (finalNow[a]) {
            toConversion(s);
        } else {
            waitingConditions[a].add(s);
        }
    }

    /** From a date: the NDRC delay of approvals granted from now. */
    void ndrcDays(ContinuousSampler v) {
        ndrcDays = v;
    }

    /**
     * From a date: whether conditions become final. Turned on, every conditional approval granted and not final draws
     * its delay now (unless drawn before) and becomes final at the later of grant + delay and now; one whose delay ran
     * out while conditions were held becomes final now. Turned off, delays running out are held.
     */
    void conditionsFinalize(boolean v) {
        conditionsFinalize = v;
        if (!v) {
            return;
        }
        double now = sim.now();
        for (int a = 0; a < finalNow.length; a++) {
            if (!grantedYet[a] || finalNow[a] || !conditional[a]) {
                continue;
            }
            if (due[a]) {
                due[a] = false;
                finalise(a);
            } else if (!drawn[a]) {
                drawn[a] = true;
                sim.scheduleAt(Math.max(now, grantedAt[a] + ndrcDays.sample()), conditionsFinal, a);
            }
        }
    }

    private void finalise(int a) {
        if (!conditionsFinalize) {
            due[a] = true;
            return;
        }
        finalNow[a] = true;
        IntFifo w = waitingConditions[a];
        while (!w.isEmpty()) {
            toConversion(w.poll());
        }
        conversion.convert(approvalFirm[a]);
    }

    private void toConversion(int s) {
        shipments.move(s, Stage.CONVERSION);
        conversion.arrive(s);
    }
}
