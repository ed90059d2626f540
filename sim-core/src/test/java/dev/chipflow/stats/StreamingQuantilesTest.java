package dev.chipflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.Distribution;
import dev.chipflow.random.RandomStreams;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingQuantilesTest {

    private static final double[] LEVELS = {0.1, 0.5, 0.9, 0.99};

    /**
     * P-square against the exact quantiles of the same 200,000 draws. P-square is an approximation, not a random
     * estimate, so the bound is an accuracy requirement: the estimate's rank in the sorted sample must be within
     * 0.5 percentage points of the level (e.g. the 0.9 estimate lies between the exact 0.895 and 0.905 quantiles).
     */
    @ParameterizedTest
    @ValueSource(strings = {"exp(1)", "uniform(0,10)", "lognormal(10,8)", "tri(1,2,9)"})
    void estimatesAreCloseToTheExactQuantilesOfALargeSample(String spec) {
        ContinuousSampler s = Distribution.parse(spec).sampler(RandomStreams.of(31L).stream("quantiles"));
        int n = 200_000;
        double[] sample = new double[n];
        StreamingQuantiles q = new StreamingQuantiles(LEVELS);
        for (int i = 0; i < n; i++) {
            sample[i] = s.sample();
            q.add(sample[i]);
        }
        Arrays.sort(sample);
        assertEquals(n, q.count());
        for (double p : LEVELS) {
            double estimate = q.quantile(p);
            double rank = rankOf(sample, estimate) / n;
            assertEquals(p, rank, 0.005, spec + " level " + p + ": estimate " + estimate + ", exact "
                    + sample[(int) Math.ceil(p * n) - 1]);
        }
    }

    /** The number of sample values at or below x, the sample sorted. */
    private static double rankOf(double[] sorted, double x) {
        int i = Arrays.binarySearch(sorted, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == x) {
            i++;
        }
        return i + 1;
    }

    @Test
    void smallSamplesAreExact() {
        StreamingQuantiles q = new StreamingQuantiles(0.5);
        assertTrue(Double.isNaN(q.quantile(0.5)));
        for (double x : new double[] {9, 1, 5, 3, 7}) {
            q.add(x);
        }
        assertEquals(5.0, q.quantile(0.5));
        assertEquals(5, q.count());
    }

    @Test
    void levelsMustBeInsideTheUnitInterval() {
        for (double p : new double[] {0, 1, -0.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new StreamingQuantiles(0.5, p));
            assertTrue(e.getMessage().contains(Double.toString(p)), e.getMessage());
        }
    }

    @Test
    void untrackedLevelsAreRefusedNamingTheTrackedOnes() {
        StreamingQuantiles q = new StreamingQuantiles(0.5, 0.9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.quantile(0.95));
        assertTrue(e.getMessage().contains("0.95") && e.getMessage().contains("[0.5, 0.9]"), e.getMessage());
        assertEquals(0, new StreamingQuantiles().count());
    }
}
