package dev.chipflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.queueing.MMcQueue;
import dev.chipflow.stats.Summary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Common random numbers in comparisons and sweeps, on the M/M/c queue. */
class ComparisonAndSweepTest {

    private static final long SEED = 77L;
    private static final int REPLICATIONS = 8;
    private final ReplicationRunner runner = new ReplicationRunner(2, Progress.NONE);

    private static Replication<MMcQueue.Result> servers(int c) {
        return streams -> MMcQueue.run(1.6, 1.0, c, 50, 800, streams);
    }

    @Test
    void aScenarioComparedWithItselfDiffersByExactlyZero() {
        Comparison<MMcQueue.Result> same = Comparison.run(runner, REPLICATIONS, SEED, servers(2), servers(2));

        assertEquals(same.a(), same.b());
        assertEquals(same.summaryA(), same.summaryB());
        for (Map.Entry<String, Summary> e : same.difference().outputs().entrySet()) {
            Summary d = e.getValue();
            assertEquals(REPLICATIONS, d.n(), e.getKey());
            assertEquals(0.0, d.mean(), e.getKey());
            assertEquals(0.0, d.sd(), e.getKey());
            assertEquals(0.0, d.lower(), e.getKey());
            assertEquals(0.0, d.upper(), e.getKey());
        }
    }

    @Test
    void aComparisonRunsEachScenarioOnTheReplicationStreams() {
        Comparison<MMcQueue.Result> c = Comparison.run(runner, REPLICATIONS, SEED, servers(2), servers(3));

        assertEquals(runner.run(REPLICATIONS, SEED, servers(2)), c.a());
        assertEquals(runner.run(REPLICATIONS, SEED, servers(3)), c.b());
        assertEquals(SummaryTable.differences(c.a(), c.b()), c.difference());
        Summary wait = c.difference().get("meanWait");
        assertEquals(c.summaryB().get("meanWait").mean() - c.summaryA().get("meanWait").mean(), wait.mean(),
                1e-12);
        // With common random numbers each customer has the same arrival and service time in both scenarios (FIFO
        // serves in arrival order, drawing service times in that order), and then a third server never lengthens
        // any customer's wait. The means cover nearly the same customers, so every paired difference is negative.
        for (int i = 0; i < REPLICATIONS; i++) {
            assertTrue(c.b().get(i).meanWait() <= c.a().get(i).meanWait(), "replication " + i);
        }
    }

    @Test
    void aSweepReturnsItsPointsInTheOrderGiven() {
        List<Integer> values = List.of(4, 2, 3);
        Sweep<Integer, MMcQueue.Result> sweep = Sweep.run(runner, REPLICATIONS, SEED, "servers", values,
                ComparisonAndSweepTest::servers);

        assertEquals("servers", sweep.knob());
        assertEquals(3, sweep.points().size());
        for (int i = 0; i < values.size(); i++) {
            Sweep.Point<Integer, MMcQueue.Result> p = sweep.points().get(i);
            assertEquals(values.get(i), p.value());
            List<MMcQueue.Result> alone = runner.run(REPLICATIONS, SEED, servers(values.get(i)));
            assertEquals(alone, p.results(), "point " + i + " uses the same streams as a run on its own");
            assertEquals(SummaryTable.of(alone), p.summary());
        }
        assertThrows(UnsupportedOperationException.class, () -> sweep.points().clear());
    }

    @Test
    void anEmptySweepIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.run(runner, REPLICATIONS, SEED, "servers", List.<Integer>of(),
                        ComparisonAndSweepTest::servers));
        assertTrue(e.getMessage().contains("'servers'"), e.getMessage());
    }
}
