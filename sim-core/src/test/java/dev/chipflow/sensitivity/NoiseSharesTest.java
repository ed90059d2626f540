package dev.chipflow.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The model's noise as a share of the variance (one-way analysis of variance), on cases worked by hand. */
class NoiseSharesTest {

    /**
     * Two points of two replications, {1, 3} and {5, 7}: each point's variance is ((1-2)^2 + (3-2)^2) / 1 = 2, so
     * within = 2; the point means 2 and 6 have variance (2^2 + 2^2) / 1 = 8. Between = 8 - 2/2 = 7; the noise is
     * 2 / (2 + 7) = 2/9 of one replication's variance and (2/2) / 8 = 1/8 of the point means'.
     */
    @Test
    void twoPointsOfTwoReplications() {
        assertArrayEquals(new double[] {2.0 / 9, 0.125}, SupplySensitivity.noiseShares(2, 8, 2), 1e-15);
    }

    /**
     * Point means that vary less than noise alone would make them (variance 0.5 < within / reps = 1): nothing is left
     * for the factors, so all of one replication's variance is noise, and the share of the means' is capped at 1.
     */
    @Test
    void meansThatVaryLessThanTheNoiseAreAllNoise() {
        assertArrayEquals(new double[] {1, 1}, SupplySensitivity.noiseShares(2, 0.5, 2), 0);
    }

    /** No variance anywhere (fixed delays, say): no noise. Factors only, no noise: 0 twice. */
    @Test
    void noVarianceIsNoNoise() {
        assertArrayEquals(new double[] {0, 0}, SupplySensitivity.noiseShares(0, 0, 10), 0);
        assertArrayEquals(new double[] {0, 0}, SupplySensitivity.noiseShares(0, 5, 10), 0);
    }

    /** One replication per point has no within-point variance (NaN): the shares are undefined. */
    @Test
    void oneReplicationLeavesThemUndefined() {
        double[] s = SupplySensitivity.noiseShares(Double.NaN, 8, 1);
        assertTrue(Double.isNaN(s[0]) && Double.isNaN(s[1]));
    }
}
