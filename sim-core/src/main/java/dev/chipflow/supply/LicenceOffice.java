package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import dev.chipflow.random.Bernoulli;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * US licences: one per firm or per order ({@code licence.scope}), applied for with the first purchase order it covers,
 * reviewed from the policy's start for {@code licence.reviewDays}, granted with {@code licence.approvalProbability}
 * (a refusal is resubmitted for a new review). Allocated shipments wait here for their licence, then for room under
 * the per-firm cap and the total ceiling; a shipment larger than the room left is split at the cap (whole modules)
 * and the rest waits for good.
 */
final class LicenceOffice implements StageInput {

    private static final byte NONE = 0;
    private static final byte REVIEW = 1;
    private static final byte GRANTED = 2;

    private final Simulator sim;
    private final Shipments shipments;
    private final StageInput next;
    private final ContinuousSampler reviewDays;
    private final Bernoulli decision;
    private final double approvalProbability;
    private final double policyStart;
    private final boolean perOrder;
    private final long perFirmCap;
    private final long ceiling;
    private final int moduleUnits;
    private final byte[] state;
    private final IntFifo[] waiting;
    private final long[] licensed;
    private long licensedTotal;
    private final EventHandler reviewed = this::review;

    LicenceOffice(Simulator sim, Scenario scenario, Shipments shipments, StageInput next, int orders,
            ContinuousSampler reviewDays, Bernoulli decision) {
        this.sim = sim;
        this.shipments = shipments;
        this.next = next;
        this.reviewDays = reviewDays;
        this.decision = decision;
        this.approvalProbability = scenario.licenceApprovalProbability();
        this.policyStart = Calendar.day(scenario.licencePolicyStart());
        this.perOrder = scenario.licenceScope() == LicenceScope.ORDER;
        this.perFirmCap = scenario.licencePerFirmCap();
        this.ceiling = scenario.licenceTotalCeiling();
        this.moduleUnits = scenario.moduleUnits();
        int keys = perOrder ? orders : scenario.firms().size();
        state = new byte[keys];
        waiting = new IntFifo[keys];
        for (int k = 0; k < keys; k++) {
            waiting[k] = new IntFifo(4);
        }
        licensed = new long[scenario.firms().size()];
    }

    private int key(int s) {
        return perOrder ? shipments.order(s) : shipments.firm(s);
    }

    /** Files the licence covering {@code s}, if not yet filed, when its purchase order is placed. */
    void apply(int s) {
        int k = key(s);
        if (state[k] == NONE) {
            state[k] = REVIEW;
            sim.scheduleAt(Math.max(sim.now(), policyStart) + reviewDays.sample(), reviewed, k);
        }
    }

    @Override
    public void arrive(int s) {
        int k = key(s);
        if (state[k] == GRANTED) {
            license(s);
        } else {
            waiting[k].add(s);
        }
    }

    private void review(int k) {
        if (decision.trial()) {
            state[k] = GRANTED;
            IntFifo w = waiting[k];
            while (!w.isEmpty()) {
                license(w.poll());
            }
        } else if (approvalProbability > 0) {
            sim.schedule(reviewDays.sample(), reviewed, k);
        }
    }

    private void license(int s) {
        int f = shipments.firm(s);
        long room = Math.min(perFirmCap - licensed[f], ceiling - licensedTotal);
        int u = shipments.units(s);
        if (u > room) {
            long part = room / moduleUnits * moduleUnits;
            if (part <= 0) {
                return;
            }
            s = shipments.split(s, (int) part);
            u = (int) part;
        }
        licensed[f] += u;
        licensedTotal += u;
        shipments.move(s, Stage.CAP);
        next.arrive(s);
    }
}
