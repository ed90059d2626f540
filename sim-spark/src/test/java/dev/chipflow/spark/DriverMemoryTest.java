package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chipflow.experiment.Observation;
import dev.chipflow.experiment.Replication;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.stats.Moments;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A million replications on Spark whose observations, were they kept, would need more than twice the test JVM's
 * heap (surefire gives it 1 GiB): summarise holds only folds on the driver, so the run completes, and its moments are
 * the known ones.
 */
class DriverMemoryTest {

    private static final int REPLICATIONS = 1_000_000;
    /** 300 doubles a replication: 2.4 GB of observations for a million replications. */
    private static final int SLOTS = 300;
    /** About 20 tasks. */
    private static final int BLOCK = 50_000;

    /**
     * A cheap replication: the uniform on [0, 1) that its streams' seed makes (the seed is a SHA-256 digest of the
     * master seed and the replication's index), so it depends on the replication and costs no stream.
     */
    record SeedUniform() implements Replication<Double>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Double run(RandomStreams streams) {
            return (streams.seed() >>> 11) * 0x1.0p-53;
        }
    }

    /**
     * Slot 0 is the replication's uniform u, slot 1 is 1 - u (so their means sum to 1), slot s from 2 on is the fixed
     * value s (so its mean is exactly s and its standard deviation exactly 0).
     */
    record Wide() implements Observation<Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public int size() {
            return SLOTS;
        }

        @Override
        public void observe(Double u, double[] values) {
            values[0] = u;
            values[1] = 1 - u;
            for (int s = 2; s < SLOTS; s++) {
                values[s] = s;
            }
        }
    }

    @Test
    void aMillionReplicationsFitInADriverThatCouldNotHoldTheirObservations() {
        long kept = (long) REPLICATIONS * SLOTS * Double.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        assumeTrue(kept > 2 * heap, "the heap (" + heap + " bytes) could hold half the observations (" + kept
                + " bytes); run with -Xmx1g as surefire does");
        Moments m;
        try (SparkEngine spark = SparkEngine.builder().master("local[2]").block(BLOCK).start()) {
            m = spark.summarise(REPLICATIONS, 20260101L, List.of(new SeedUniform()), List.of(new Wide())).get(0);
        }
        assertEquals(SLOTS, m.slots());
        for (int s = 0; s < SLOTS; s++) {
            assertEquals(REPLICATIONS, m.count(s), "slot " + s);
        }
        // A uniform on [0, 1): mean 1/2, standard deviation sqrt(1/12); its mean over a million replications is
        // within 5 standard errors (1.4e-3) of 1/2, and its sample deviation within 0.5% of sqrt(1/12).
        double se = Math.sqrt(1.0 / 12 / REPLICATIONS);
        assertEquals(0.5, m.mean(0), 5 * se);
        assertEquals(Math.sqrt(1.0 / 12), m.sd(0), 0.005 * Math.sqrt(1.0 / 12));
        assertEquals(1.0, m.mean(0) + m.mean(1), 1e-12);
        assertEquals(m.sd(0), m.sd(1), 1e-12);
        for (int s = 2; s < SLOTS; s++) {
            assertEquals(s, m.mean(s), 0.0, "slot " + s);
            assertEquals(0.0, m.sd(s), 0.0, "slot " + s);
        }
    }
}
