package dev.chipflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** The Student-t interval against one worked out by hand. */
class SummaryTest {

    /** t_{0.975, 9}, from a table. */
    private static final double T_975_9 = 2.2621571628;

    private static final double[] TEN = {2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 2.8, 4.9, 3.7, 3.1};

    @Test
    void ninetyFivePercentIntervalOfTenValues() {
        // Two-pass mean and sample standard deviation, written out here independently of the code under test.
        double mean = 0;
        for (double v : TEN) {
            mean += v;
        }
        mean /= TEN.length;
        double ss = 0;
        for (double v : TEN) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (TEN.length - 1));
        double half = T_975_9 * sd / Math.sqrt(TEN.length);

        Summary s = Summary.of95(TEN);

        assertEquals(10, s.n());
        assertEquals(3.5, mean, 1e-12, "the sample was chosen to have mean 3.5");
        assertEquals(mean, s.mean(), 1e-12);
        assertEquals(sd, s.sd(), 1e-12);
        assertEquals(0.95, s.level());
        // The table value has 10 decimals, so the bounds agree to about 1e-10 times sd / sqrt(n).
        assertEquals(mean - half, s.lower(), 1e-9);
        assertEquals(mean + half, s.upper(), 1e-9);
        assertEquals(half, s.halfWidth(), 1e-9);
    }

    @Test
    void otherLevelsUseTheirOwnQuantile() {
        double[] five = {10, 12, 9, 11, 13};
        // Mean 11, squared deviations 1 + 1 + 4 + 0 + 4 = 10, so sd = sqrt(10 / 4).
        double t = new TDistribution(4).inverseCumulativeProbability(0.95);
        double half = t * Math.sqrt(10.0 / 4) / Math.sqrt(5);

        Summary s = Summary.of(five, 0.90);

        assertEquals(11.0, s.mean(), 1e-12);
        assertEquals(11.0 - half, s.lower(), 1e-12);
        assertEquals(11.0 + half, s.upper(), 1e-12);
    }

    @Test
    void coversIsTheClosedInterval() {
        Summary s = new Summary(3, 1.0, 1.0, 0.95, 0.5, 1.5);
        assertTrue(s.covers(0.5));
        assertTrue(s.covers(1.5));
        assertTrue(s.covers(1.0));
        assertFalse(s.covers(0.4999));
        assertFalse(s.covers(Double.NaN));
    }

    @Test
    void tooFewValuesGiveNoInterval() {
        Summary none = Summary.of95(new double[0]);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()));
        Summary one = Summary.of95(new double[] {4.0});
        assertEquals(4.0, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.lower()) && Double.isNaN(one.upper()));
        assertFalse(one.covers(4.0));
    }

    @Test
    void identicalValuesGiveAZeroWidthInterval() {
        Summary s = Summary.of95(new double[] {2.5, 2.5, 2.5});
        assertEquals(0.0, s.sd());
        assertEquals(2.5, s.lower());
        assertEquals(2.5, s.upper());
    }

    @Test
    void undefinedValuesAreLeftOutAndCounted() {
        // The ten values with NaN (a replication where the output is undefined) among them.
        double[] withGaps = new double[TEN.length + 3];
        for (int i = 0, j = 0; i < withGaps.length; i++) {
            withGaps[i] = i % 4 == 1 ? Double.NaN : TEN[j++];
        }
        Summary s = Summary.ofFinite95(withGaps);
        Summary plain = Summary.of95(TEN);
        assertEquals(10, s.n(), "n counts the finite values");
        assertEquals(plain, s, "the same summary as of the finite values alone");
        assertTrue(Double.isNaN(Summary.of95(withGaps).mean()), "of() keeps NaN: it is for outputs always defined");
        assertEquals(plain, Summary.ofFinite95(TEN), "with finite values only, ofFinite is of");
    }

    @Test
    void noFiniteValueGivesAnEmptySummary() {
        Summary none = Summary.ofFinite95(new double[] {Double.NaN, Double.NaN});
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.lower()));
        Summary infinite = Summary.ofFinite95(new double[] {Double.POSITIVE_INFINITY, 3.0, 5.0});
        assertEquals(2, infinite.n(), "an infinity has no mean: left out and not counted");
        assertEquals(4.0, infinite.mean());
    }

    @Test
    void theLevelMustBeAProbability() {
        for (double level : new double[] {0, 1, 95, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Summary.of(TEN, level));
            assertTrue(e.getMessage().contains(Double.toString(level)), e.getMessage());
        }
    }
}
