package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.IntFifo;
import dev.chipflow.engine.Simulator;
import dev.chipflow.random.Bernoulli;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * US licences: one per firm or per order ({@code licence.scope}), applied for with the first purchase order it covers,
 * reviewed from the policy's start for {@code licence.reviewDays}, granted with {@code licence.approvalProbability}
 * (a refusal is resubmitted for a new review, unless the probability is 0: then nothing is ever granted). Allocated
 * shipments wait here for their licence. The per-firm cap and the total ceiling are checked before allocation, by
 * {@link LicenceLimit}.
 */
final class LicenceOffice implements StageInput {

    private static final byte NONE = 0;
    private static final byte REVIEW = 1;
    private static final byte GRANTED = 2;
    /** Refused with probability 0 of a grant: not resubmitted unless the probability changes. */
    private static final byte REFUSED = 3;

    private final Simulator sim;
    private final Shipments shipments;
    private final StageInput next;
    private final Trace trace;
    private ContinuousSampler reviewDays;
    private Bernoulli decision;
    private double approvalProbability;
    private final double policyStart;
    private final boolean perOrder;
    private final byte[] state;
    private final IntFifo[] waiting;
    /** Per licence, the handle of its first review's end (to draw it again if its time changes before it starts). */
    private final long[] firstReview;
    private final EventHandler reviewed = this::review;

    LicenceOffice(Simulator sim, Scenario scenario, Shipments shipments, StageInput next, Trace trace, int orders,
            ContinuousSampler reviewDays, Bernoulli decision) {
        this.sim = sim;
        this.shipments = shipments;
        this.next = next;
        this.trace = trace;
        this.reviewDays = reviewDays;
        this.decision = decision;
        this.approvalProbability = scenario.us().approvalProbability();
        this.policyStart = Calendar.day(scenario.us().policyStart());
        this.perOrder = scenario.us().licenceScope() == LicenceScope.ORDER;
        int keys = perOrder ? orders : scenario.firms().size();
        state = new byte[keys];
        firstReview = new long[keys];
        waiting = new IntFifo[keys];
        for (int k = 0; k < keys; k++) {
            waiting[k] = new IntFifo(4);
        }
    }

    private int key(int s) {
        return perOrder ? shipments.order(s) : shipments.firm(s);
    }

    /** Files the licence covering {@code s}, if not yet filed, when its purchase order is placed. */
    void apply(int s) {
        int k = key(s);
        if (state[k] == NONE) {
            state[k] = REVIEW;
            firstReview[k] = sim.scheduleAt(Math.max(sim.now(), policyStart) + reviewDays.sample(), reviewed, k);
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
            trace.record(sim.now(), TraceEvent.Kind.LICENCE_GRANTED, -1, -1, 0, null, null, k);
            IntFifo w = waiting[k];
            while (!w.isEmpty()) {
                license(w.poll());
            }
        } else if (approvalProbability > 0) {
            sim.schedule(reviewDays.sample(), reviewed, k);
        } else {
            state[k] = REFUSED;
        }
    }

    /**
     * From a date: the review time of reviews started from now. Up to the policy's start no review has started (a
     * review starts no earlier than the policy), so the licences filed so far draw their review again, from the
     * policy's start.
     */
    void reviewDays(ContinuousSampler v) {
        reviewDays = v;
        if (sim.now() <= policyStart) {
            for (int k = 0; k < state.length; k++) {
                // Pending: a review ends no earlier than the policy's start, after this change at that instant.
                if (state[k] == REVIEW && sim.isPending(firstReview[k])) {
                    sim.cancel(firstReview[k]);
                    firstReview[k] = sim.scheduleAt(policyStart + v.sample(), reviewed, k);
                }
            }
        }
    }

    /**
     * From a date: decisions use the new probability; licences refused for good (probability 0) are resubmitted now
     * if it is positive.
     */
    void approvalProbability(double p, Bernoulli v) {
        approvalProbability = p;
        decision = v;
        if (p > 0) {
            for (int k = 0; k < state.length; k++) {
                if (state[k] == REFUSED) {
                    state[k] = REVIEW;
                    sim.schedule(reviewDays.sample(), reviewed, k);
                }
            }
        }
    }

    private void license(int s) {
        shipments.move(s, Stage.CAP);
        next.arrive(s);
    }
}
