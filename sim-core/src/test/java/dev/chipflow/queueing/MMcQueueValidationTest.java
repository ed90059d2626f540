package dev.chipflow.queueing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.stats.Summary;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine, the random streams and the statistics together reproduce the analytic M/M/c queue at utilisation 0.8
 * (mu = 1; lambda = 0.8 with one server, 3.2 with four).
 *
 * <p>Run length: at rho = 0.8 the M/M/1 queue relaxes over about 1 / (mu (1 - sqrt(rho))^2) = 90 days, so a warm-up
 * of 2,000 days leaves an initial bias far below the interval's width, and a measured window of 100,000 days gives each
 * replication's mean wait a standard error of roughly 3% (40 replications: interval half-width about 1%).
 *
 * <p>False-failure rate: each assertion is a 95% t-interval over 40 independent replications (their means are
 * close to normal at this run length; the finite-horizon bias is under a tenth of a standard error), so each misses
 * the true value with probability about 5%, and a correct engine fails one of the four assertions with probability
 * about 1 - 0.95^4 = 19% for a random seed. The seed is fixed (chosen before the first run, not searched for), so the
 * result is reproducible; a failure after a change to the engine means the change altered the numbers and deserves
 * a look at how far outside the interval the value fell.
 */
class MMcQueueValidationTest {

    private static final double SERVICE_RATE = 1.0;
    private static final double UTILISATION = 0.8;
    private static final double WARMUP = 2_000;
    private static final double HORIZON = 102_000;
    private static final int REPLICATIONS = 40;
    private static final long SEED = 8_675_309L;

    @ParameterizedTest(name = "c = {0}")
    @ValueSource(ints = {1, 4})
    void meanWaitMatchesErlangCAndQueueLengthObeysLittlesLaw(int servers) {
        double lambda = UTILISATION * servers * SERVICE_RATE;
        ErlangC exact = new ErlangC(lambda, SERVICE_RATE, servers);

        List<MMcQueue.Result> results = ReplicationRunner.allCores().run(REPLICATIONS, SEED,
                streams -> MMcQueue.run(lambda, SERVICE_RATE, servers, WARMUP, HORIZON, streams));
        SummaryTable table = SummaryTable.of(results);

        Summary wait = table.get("meanWait");
        assertTrue(wait.covers(exact.meanWait()),
                "95% CI of the mean wait " + interval(wait) + " misses Erlang C's W_q = " + exact.meanWait());

        // Little's law per replication: time-average queue length minus lambda times mean wait, paired so that
        // the shared noise cancels and the interval is narrow.
        double[] gap = new double[REPLICATIONS];
        for (int i = 0; i < REPLICATIONS; i++) {
            MMcQueue.Result r = results.get(i);
            gap[i] = r.meanQueueLength() - lambda * r.meanWait();
        }
        Summary little = Summary.of95(gap);
        assertTrue(little.covers(0.0), "95% CI of L_q - lambda W_q " + interval(little) + " misses 0; L_q CI "
                + interval(table.get("meanQueueLength")));
    }

    private static String interval(Summary s) {
        return "[" + s.lower() + ", " + s.upper() + "] (mean " + s.mean() + ", n " + s.n() + ")";
    }
}
