package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.Simulator;
import dev.chipflow.queueing.ErlangC;
import dev.chipflow.random.Bernoulli;
import dev.chipflow.random.Exponential;
import dev.chipflow.random.Fixed;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.stats.Summary;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model's own {@link TestLab}, fed Poisson arrivals of shipments and given exponential test durations, is an
 * M/M/c queue: its mean wait must match Erlang C. The 95% interval over 30 replications covers the exact value with
 * probability about 0.95 (less a small bias from starting empty, which the long horizon makes negligible): with the
 * fixed seed the outcome is fixed; a change that moves it outside is a real change of behaviour.
 */
class LabErlangCTest {

    @ParameterizedTest(name = "c = {0} lines, utilisation 0.8")
    @CsvSource({"1", "4"})
    void meanWaitMatchesErlangC(int lines) {
        double meanTest = 10;
        double lambda = 0.8 * lines / meanTest;
        Scenario s = Scenario.builder().labLines(lines).labBaseDays(new Exponential(meanTest)).labDaysPerUnit(new Fixed(0))
                .labLotUnits(8)
                .labFailureShare(0).firms(List.of(new Firm("Only", List.of(), List.of(), 0))).build();
        int reps = 30;
        double[] waits = new double[reps];
        for (int r = 0; r < reps; r++) {
            waits[r] = run(s, lambda, 60_000, RandomStreams.forReplication(2026, r));
        }
        double exact = new ErlangC(lambda, 1 / meanTest, lines).meanWait();
        Summary sum = Summary.of95(waits);
        assertTrue(sum.covers(exact), "Erlang C W_q = " + exact + " outside " + sum);
    }

    private static double run(Scenario s, double lambda, double horizon, RandomStreams streams) {
        Simulator sim = new Simulator();
        Shipments shipments = new Shipments(sim, 1, Trace.OFF, 1024);
        StageInput sink = shipment -> {
            shipments.move(shipment, Stage.DELIVERED);
            shipments.deliver(shipment);
        };
        // Lots of 8 units and shipments of 8: every lot is one shipment, so the lab is exactly M/M/c.
        TestLab lab = new TestLab(sim, s, shipments, sink, Trace.OFF, s.lab().baseDays().sampler(streams.stream("lab")),
                new Fixed(0).sampler(streams.stream("perUnit")), new Bernoulli(0, streams.stream("failure")));
        ContinuousSampler gap = new Exponential(1 / lambda).sampler(streams.stream("arrivals"));
        EventHandler[] arrival = new EventHandler[1];
        arrival[0] = ignored -> {
            int shipment = shipments.create(0, 0, 8);
            shipments.move(shipment, Stage.LAB_QUEUE);
            lab.arrive(shipment);
            sim.schedule(gap.sample(), arrival[0]);
        };
        sim.schedule(gap.sample(), arrival[0]);
        sim.runUntil(horizon);
        return lab.meanWait();
    }
}
