package dev.chipflow.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.stats.BatchMeans;
import dev.chipflow.stats.Summary;
import dev.chipflow.stats.Tally;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch means on one long run of the M/M/1 queue at utilisation 0.8 (lambda = 0.8, mu = 1), against Erlang C's
 * W_q = rho / (mu - lambda) = 4 days.
 *
 * <p>Run length: the queue relaxes over about 90 days (see {@link MMcQueueValidationTest}); a warm-up of 2,000 days
 * and a measured window of 100,000 days (about 80,000 waits) give batches of 2,048 or 4,096 waits, i.e. 2,500 to
 * 5,000 days each, many relaxation times, so the batch means are close to independent.
 *
 * <p>False-failure rates: 100 independent runs. If the batch-means 95% interval had its nominal coverage, fewer than
 * 85 of 100 would cover W_q with probability 3.7e-5 (binomial tail); at 93% (batch means are known to under-cover
 * slightly on a finite run) 1.6e-3. The naive interval (the waits taken as independent) has a half-width about
 * sqrt(2 tau) times too small, tau the waits' integrated autocorrelation time (hundreds of customers here), so it
 * covers far less than 50% of the time; it would need a true coverage above 30% to reach 50 with probability 2e-5.
 * The seed is fixed, so the outcome is reproducible.
 */
class BatchMeansMM1Test {

    private static final double LAMBDA = 0.8;
    private static final double MU = 1.0;
    private static final double WARMUP = 2_000;
    private static final double HORIZON = 102_000;
    private static final int RUNS = 100;

    /** One run's batch-means interval, the naive interval and the batches' lag-1 autocorrelation. */
    private record Run(Summary batched, Summary naive, double lag1, int batches, long waits) {
    }

    private static Run run(RandomStreams streams) {
        dev.chipflow.engine.Simulator sim = new dev.chipflow.engine.Simulator();
        MMcQueue q = new MMcQueue(sim, LAMBDA, MU, 1, streams);
        BatchMeans batches = new BatchMeans();
        Tally naive = new Tally();
        q.observeWaits(w -> {
            batches.add(w);
            naive.add(w);
        });
        q.start();
        sim.runUntil(WARMUP);
        q.startMeasuring();
        sim.runUntil(HORIZON);
        return new Run(batches.confidenceInterval(0.95), naive.confidenceInterval(0.95),
                batches.lag1Autocorrelation(), batches.batches(), batches.count());
    }

    @Test
    void batchMeansCoverErlangCsWaitAndTheNaiveIntervalDoesNot() {
        double exact = new ErlangC(LAMBDA, MU, 1).meanWait();
        assertEquals(4.0, exact, 1e-12);
        List<Run> runs = ReplicationRunner.allCores().run(RUNS, 20260214L, BatchMeansMM1Test::run);
        int batchedCover = 0;
        int naiveCover = 0;
        double lag1 = 0;
        for (Run r : runs) {
            assertTrue(r.batches() >= BatchMeans.DEFAULT_BATCHES && r.batches() < 2 * BatchMeans.DEFAULT_BATCHES,
                    "batches: " + r.batches());
            batchedCover += r.batched().covers(exact) ? 1 : 0;
            naiveCover += r.naive().covers(exact) ? 1 : 0;
            lag1 += r.lag1() / RUNS;
        }
        assertTrue(batchedCover >= 85, "batch means covered W_q in " + batchedCover + " of " + RUNS + " runs");
        assertTrue(naiveCover < 50, "the naive interval covered W_q in " + naiveCover + " of " + RUNS + " runs");
        // The batches are long enough: their lag-1 autocorrelation averages near 0 (its sampling sd over ~30 batches
        // is about 0.18 per run, 0.018 over 100 runs; batches too short would show a clearly positive average).
        assertTrue(Math.abs(lag1) < 0.15, "mean lag-1 autocorrelation of batch means " + lag1);
    }

    @Test
    void oneRunsIntervalIsWiderThanTheNaiveOne() {
        Run r = run(RandomStreams.forReplication(7, 0));
        assertTrue(r.waits() > 70_000, "waits " + r.waits());
        assertTrue(r.batched().halfWidth() > 5 * r.naive().halfWidth(),
                "batch means " + r.batched().halfWidth() + " against naive " + r.naive().halfWidth());
    }
}
