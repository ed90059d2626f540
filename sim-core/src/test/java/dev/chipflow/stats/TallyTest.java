package dev.chipflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void momentsOfAKnownSample() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, so the sample variance is 32 / 7.
        Tally t = new Tally();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            t.add(x);
        }
        assertEquals(8, t.count());
        assertEquals(5.0, t.mean(), 1e-15);
        assertEquals(32.0 / 7, t.variance(), 1e-14);
        assertEquals(Math.sqrt(32.0 / 7), t.standardDeviation(), 1e-14);
        assertEquals(2.0, t.min());
        assertEquals(9.0, t.max());
    }

    @Test
    void momentsSurviveALargeOffset() {
        // The same sample shifted by 1e9: a naive sum-of-squares variance would lose every digit here.
        Tally t = new Tally();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            t.add(1e9 + x);
        }
        assertEquals(1e9 + 5, t.mean(), 1e-6);
        assertEquals(32.0 / 7, t.variance(), 1e-6);
    }

    @Test
    void emptyAndSingleObservation() {
        Tally t = new Tally();
        assertEquals(0, t.count());
        assertTrue(Double.isNaN(t.mean()));
        assertTrue(Double.isNaN(t.variance()));
        assertTrue(Double.isNaN(t.min()));
        t.add(3.5);
        assertEquals(3.5, t.mean());
        assertEquals(0.0, t.variance());
    }

    @Test
    void nanIsRefused() {
        Tally t = new Tally();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.add(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertEquals(0, t.count());
    }

    @Test
    void quantilesOnlyWhenAskedFor() {
        Tally plain = new Tally();
        plain.add(1);
        assertThrows(IllegalStateException.class, () -> plain.quantile(0.5));

        Tally withMedian = new Tally(0.5);
        assertTrue(Double.isNaN(withMedian.quantile(0.5)));
        for (double x : new double[] {3, 1, 2}) {
            withMedian.add(x);
        }
        assertEquals(2.0, withMedian.quantile(0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withMedian.quantile(0.9));
        assertTrue(e.getMessage().contains("0.9"), e.getMessage());
    }

    @Test
    void confidenceIntervalIsStudentT() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sd sqrt(32 / 7); t(7 df, 0.975) = 2.364624 (printed tables; Commons
        // Statistics here, Commons Math in the code).
        Tally t = new Tally();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            t.add(x);
        }
        double quantile = TDistribution.of(7).inverseCumulativeProbability(0.975);
        assertEquals(2.364624, quantile, 1e-6);
        double half = quantile * Math.sqrt(32.0 / 7) / Math.sqrt(8);
        Summary ci = t.confidenceInterval(0.95);
        assertEquals(8, ci.n());
        assertEquals(5.0, ci.mean(), 1e-15);
        assertEquals(5 - half, ci.lower(), 1e-12);
        assertEquals(5 + half, ci.upper(), 1e-12);
        assertEquals(Summary.of95(new double[] {2, 4, 4, 4, 5, 5, 7, 9}), ci);
        Tally one = new Tally();
        one.add(1);
        assertTrue(Double.isNaN(one.confidenceInterval(0.95).lower()));
        assertThrows(IllegalArgumentException.class, () -> t.confidenceInterval(1.0));
    }

    @Test
    void resetForgetsEverythingButTheQuantileLevels() {
        Tally t = new Tally(0.5);
        for (double x : new double[] {100, 200, 300}) {
            t.add(x);
        }
        t.reset();
        assertEquals(0, t.count());
        assertTrue(Double.isNaN(t.mean()));
        assertTrue(Double.isNaN(t.max()));
        assertTrue(Double.isNaN(t.quantile(0.5)));
        for (double x : new double[] {3, 1, 2}) {
            t.add(x);
        }
        assertEquals(3, t.count());
        assertEquals(2.0, t.mean());
        assertEquals(1.0, t.min());
        assertEquals(3.0, t.max());
        assertEquals(2.0, t.quantile(0.5));
        Tally plain = new Tally();
        plain.add(5);
        plain.reset();
        assertEquals(0, plain.count());
    }
}
