package dev.chipflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Moments}: Chan, Golub and LeVeque's pairwise merge on cases worked out by hand, missing (non-finite) values,
 * exactness on constants, and agreement with Commons Math's {@link SummaryStatistics} on random data.
 */
class MomentsTest {

    /** One slot holding the given values, merged left to right: ((v0, v1), v2)... */
    private static Moments leftToRight(double... values) {
        Moments m = Moments.of(new double[] {values[0]});
        for (int i = 1; i < values.length; i++) {
            m.absorb(Moments.of(new double[] {values[i]}));
        }
        return m;
    }

    /**
     * 1, 2, 4 merged as ((1, 2), 4). The merge of (na, meanA, M2a) with (nb, meanB, M2b) is n = na + nb,
     * delta = meanB - meanA, mean = meanA + delta nb / n, M2 = M2a + M2b + delta^2 na nb / n.
     *
     * <pre>
     * (1, 2):     n = 2, delta = 1,   mean = 1 + 1 x 1/2 = 3/2,       M2 = 0 + 0 + 1 x (1 x 1)/2 = 1/2
     * ((1,2), 4): n = 3, delta = 5/2, mean = 3/2 + 5/2 x 1/3 = 7/3,   M2 = 1/2 + 0 + 25/4 x (2 x 1)/3 = 1/2 + 25/6
     *                                                                    = 14/3
     * sd = sqrt(M2 / (n - 1)) = sqrt(14/6) = sqrt(7/3)
     * </pre>
     * Check, two-pass: deviations from 7/3 are -4/3, -1/3, 5/3; squares 16/9 + 1/9 + 25/9 = 42/9 = 14/3.
     */
    @Test
    void oneTwoFourMergedAsOneTwoThenFour() {
        Moments m = leftToRight(1, 2, 4);
        assertEquals(3, m.count(0));
        assertEquals(7.0 / 3, m.mean(0), Math.ulp(7.0 / 3));
        assertEquals(Math.sqrt(7.0 / 3), m.sd(0), 2 * Math.ulp(Math.sqrt(7.0 / 3)));

        // The other tree, (1, (2, 4)): (2, 4) has n = 2, mean 3, M2 = 4 x 1/2 = 2; merged into 1: delta = 2,
        // mean = 1 + 2 x 2/3 = 7/3, M2 = 0 + 2 + 4 x (1 x 2)/3 = 14/3. Same moments, up to rounding.
        Moments two = leftToRight(2, 4);
        assertEquals(3.0, two.mean(0));
        assertEquals(Math.sqrt(2), two.sd(0));
        Moments m2 = Moments.of(new double[] {1});
        m2.absorb(two);
        assertEquals(7.0 / 3, m2.mean(0), Math.ulp(7.0 / 3));
        assertEquals(Math.sqrt(7.0 / 3), m2.sd(0), 2 * Math.ulp(Math.sqrt(7.0 / 3)));
    }

    /**
     * Values whose every intermediate is a small dyadic rational, so the merge is exact to the bit: (1, 3) has mean 2,
     * M2 = 2^2 x (1 x 1)/2 = 2; (5, 7) has mean 6, M2 = 2; merged, n = 4, delta = 4, mean = 2 + 4 x 2/4 = 4,
     * M2 = 2 + 2 + 16 x (2 x 2)/4 = 20, sd = sqrt(20/3). Two-pass: (9 + 1 + 1 + 9) = 20.
     */
    @Test
    void twoPairsMergeExactly() {
        Moments left = leftToRight(1, 3);
        Moments right = leftToRight(5, 7);
        assertEquals(2.0, left.mean(0));
        assertEquals(Math.sqrt(2), left.sd(0));
        assertEquals(6.0, right.mean(0));
        left.absorb(right);
        assertEquals(4, left.count(0));
        assertEquals(4.0, left.mean(0));
        assertEquals(Math.sqrt(20.0 / 3), left.sd(0));
        assertEquals(6.0, right.mean(0), "the absorbed moments are unchanged");
        assertEquals(2, right.count(0));

        // The interval is Summary.ofMoments of those figures.
        assertEquals(Summary.ofMoments(4, 4.0, Math.sqrt(20.0 / 3), Summary.LEVEL_95), left.summary95(0));
        assertEquals(Summary.of95(new double[] {1, 3, 5, 7}).mean(), left.summary95(0).mean());
        assertEquals(Summary.of95(new double[] {1, 3, 5, 7}).upper(), left.summary95(0).upper(), 1e-12);
        assertEquals(Summary.ofMoments(4, 4.0, Math.sqrt(20.0 / 3), 0.9), left.summary(0, 0.9));
    }

    /**
     * Slot 0: 1, NaN, 3, +inf, -inf: two finite values (1 and 3), mean 2, sd sqrt(2). Slot 1: all missing: count 0,
     * mean and sd NaN. Slot 2: one value (5) and four missing: mean 5, sd NaN (fewer than two). The summary of slot 0
     * is that of {@link Summary#ofFinite95} on the same values.
     */
    @Test
    void nonFiniteValuesAreLeftOutOfTheCount() {
        double inf = Double.POSITIVE_INFINITY;
        double[][] rows = {
            {1, Double.NaN, 5},
            {Double.NaN, Double.NaN, Double.NaN},
            {3, inf, -inf},
            {inf, -inf, Double.NaN},
            {-inf, Double.NaN, inf},
        };
        Moments m = Moments.of(rows[0]);
        for (int i = 1; i < rows.length; i++) {
            m.absorb(Moments.of(rows[i]));
        }
        assertEquals(2, m.count(0));
        assertEquals(2.0, m.mean(0));
        assertEquals(Math.sqrt(2), m.sd(0));
        assertEquals(0, m.count(1));
        assertTrue(Double.isNaN(m.mean(1)));
        assertTrue(Double.isNaN(m.sd(1)));
        assertEquals(1, m.count(2));
        assertEquals(5.0, m.mean(2));
        assertTrue(Double.isNaN(m.sd(2)));
        assertEquals(Summary.ofFinite95(new double[] {1, Double.NaN, 3, inf, -inf}), m.summary95(0));
        assertEquals(0, m.summary95(1).n());
        assertTrue(Double.isNaN(m.summary95(1).mean()));
        assertTrue(Double.isNaN(m.summary95(2).lower()));

        // A missing value first, then finite ones: the first finite value is taken as it is.
        Moments late = Moments.of(new double[] {Double.NaN});
        late.absorb(Moments.of(new double[] {0.1}));
        assertEquals(1, late.count(0));
        assertEquals(0.1, late.mean(0));
    }

    /**
     * delta is 0 at every merge of a constant slot, so the mean never moves off the constant and M2 stays exactly 0,
     * whatever the order and shape of the merges.
     */
    @Test
    void aConstantSlotStaysExactAfterManyMerges() {
        double c = 0.1;
        // Left to right, 10,000 values.
        Moments seq = Moments.of(new double[] {c, -7.3e11});
        for (int i = 1; i < 10_000; i++) {
            seq.absorb(Moments.of(new double[] {c, -7.3e11}));
        }
        assertEquals(10_000, seq.count(0));
        assertEquals(c, seq.mean(0));
        assertEquals(0.0, seq.sd(0));
        assertEquals(-7.3e11, seq.mean(1));
        assertEquals(0.0, seq.sd(1));
        // Pairwise, as a balanced tree of 2^13 leaves, and an unbalanced merge of the two results.
        List<Moments> level = new ArrayList<>();
        for (int i = 0; i < 8192; i++) {
            level.add(Moments.of(new double[] {c, -7.3e11}));
        }
        while (level.size() > 1) {
            List<Moments> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                level.get(i).absorb(level.get(i + 1));
                up.add(level.get(i));
            }
            level = up;
        }
        Moments tree = level.get(0);
        assertEquals(8192, tree.count(0));
        assertEquals(c, tree.mean(0));
        assertEquals(0.0, tree.sd(0));
        tree.absorb(seq);
        assertEquals(18_192, tree.count(0));
        assertEquals(c, tree.mean(0));
        assertEquals(0.0, tree.sd(0));
        assertEquals(-7.3e11, tree.mean(1));
        assertEquals(0.0, tree.sd(1));
    }

    /**
     * 20,000 rows of four slots from a fixed seed: uniform on [0, 1); 1,000 + standard normal (an offset large
     * against the spread); exp(10 u) (skewed, spanning four decades); and uniform with about one value in ten
     * missing. The rows are cut into chunks of random sizes, each folded left to right, and the chunks merged by
     * repeatedly joining a random adjacent pair: mean and sd agree with {@link SummaryStatistics} (Commons Math,
     * fed the finite values one by one) within 1e-12 relative.
     */
    @Test
    void agreesWithCommonsMathOnRandomData() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(20260401L);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int rows = 20_000;
        int slots = 4;
        SummaryStatistics[] ref = new SummaryStatistics[slots];
        for (int s = 0; s < slots; s++) {
            ref[s] = new SummaryStatistics();
        }
        List<Moments> chunks = new ArrayList<>();
        Moments chunk = null;
        int left = 0;
        for (int i = 0; i < rows; i++) {
            double[] v = {
                rng.nextDouble(),
                1000 + normal.sample(),
                Math.exp(10 * rng.nextDouble()),
                rng.nextInt(10) == 0 ? Double.NaN : rng.nextDouble(),
            };
            for (int s = 0; s < slots; s++) {
                if (Double.isFinite(v[s])) {
                    ref[s].addValue(v[s]);
                }
            }
            if (left == 0) {
                chunk = Moments.of(v);
                chunks.add(chunk);
                left = 1 + rng.nextInt(200);
            } else {
                chunk.absorb(Moments.of(v));
            }
            left--;
        }
        assertTrue(chunks.size() > 100, "many chunks: " + chunks.size());
        while (chunks.size() > 1) {
            int k = rng.nextInt(chunks.size() - 1);
            chunks.get(k).absorb(chunks.remove(k + 1));
        }
        Moments all = chunks.get(0);
        for (int s = 0; s < slots; s++) {
            assertEquals(ref[s].getN(), all.count(s), "slot " + s);
            assertEquals(ref[s].getMean(), all.mean(s), 1e-12 * Math.abs(ref[s].getMean()), "mean of slot " + s);
            assertEquals(ref[s].getStandardDeviation(), all.sd(s), 1e-12 * ref[s].getStandardDeviation(),
                    "sd of slot " + s);
        }
        assertTrue(all.count(3) < rows && all.count(3) > rows * 0.85, "slot 3 misses some: " + all.count(3));
    }

    /** A slice is the moments of its slots alone: equal to the moments of the same values restricted to them. */
    @Test
    void sliceKeepsItsSlotsOnly() {
        double[][] rows = {{1, 2, 3, 4, 5}, {2, Double.NaN, 5, 7, 11}, {0.5, 3, Double.NaN, -1, 0}};
        Moments all = Moments.of(rows[0]);
        Moments middle = Moments.of(new double[] {rows[0][1], rows[0][2], rows[0][3]});
        for (int i = 1; i < rows.length; i++) {
            all.absorb(Moments.of(rows[i]));
            middle.absorb(Moments.of(new double[] {rows[i][1], rows[i][2], rows[i][3]}));
        }
        Moments slice = all.slice(1, 4);
        assertEquals(3, slice.slots());
        assertEquals(middle, slice);
        assertEquals(2, slice.count(0));
        assertEquals(2.5, slice.mean(0));
        assertEquals(Moments.empty(0), all.slice(2, 2));
        assertEquals(all, all.slice(0, 5));
        // The slice is a copy: merging into it leaves the original alone.
        Moments before = all.slice(0, 5);
        slice.absorb(Moments.of(new double[] {100, 100, 100}));
        assertEquals(before, all);
    }

    /** Merging into empty moments copies the other's; merging empty moments in changes nothing (bit for bit). */
    @Test
    void mergingIntoAndFromEmpty() {
        Moments m = leftToRight(0.1, 0.7, 1e-3, 42);
        Moments copy = leftToRight(0.1, 0.7, 1e-3, 42);
        Moments empty = Moments.empty(1);
        assertEquals(0, empty.count(0));
        assertTrue(Double.isNaN(empty.mean(0)));
        empty.absorb(m);
        assertEquals(m, empty);
        assertEquals(copy, m, "the absorbed moments are unchanged");
        m.absorb(Moments.empty(1));
        assertEquals(copy, m);
        assertEquals(copy.hashCode(), m.hashCode());
        // Equality is on the bits of every slot's count, mean and M2.
        assertNotEquals(copy, leftToRight(0.1, 0.7, 1e-3, 43));
        assertNotEquals(copy, Moments.empty(1));
        assertEquals(Moments.empty(3), Moments.empty(3));
        assertEquals(0, Moments.empty(0).slots());
    }

    @Test
    void sizeMismatchesAreRefused() {
        Moments two = Moments.of(new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> two.absorb(Moments.of(new double[] {1, 2, 3})));
        assertTrue(e.getMessage().contains("3 slots"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> two.absorb(Moments.empty(1)));
        assertThrows(IllegalArgumentException.class, () -> two.set(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Moments.empty(-1));
        assertEquals(Moments.of(new double[] {1, 2}), two, "a refused merge changes nothing");
    }

    /** set forgets everything and holds one observation. */
    @Test
    void setStartsAfresh() {
        Moments m = leftToRight(1, 2, 3);
        m.set(new double[] {Double.NaN});
        assertEquals(Moments.of(new double[] {Double.NaN}), m);
        assertEquals(0, m.count(0));
        m.set(new double[] {9});
        assertEquals(Moments.of(new double[] {9}), m);
    }

    /** Equal moments hash alike (a fold's result can key a map); moments of other values mostly do not. */
    @Test
    void equalMomentsHashAlikeAndSayWhatTheyHold() {
        Moments a = Moments.of(new double[] {1, 2, 3});
        a.absorb(Moments.of(new double[] {3, 4, 5}));
        Moments b = Moments.of(new double[] {1, 2, 3});
        b.absorb(Moments.of(new double[] {3, 4, 5}));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        // Means (2, 3, 4) against (1, 2, 3): different hash codes (Arrays.hashCode of the means differs).
        assertNotEquals(a.hashCode(), Moments.of(new double[] {1, 2, 3}).hashCode());
        assertNotEquals(0, a.hashCode());
        assertEquals("Moments[3 slots, n=2]", a.toString());
        assertEquals("Moments[0 slots, n=0]", Moments.empty(0).toString());
    }
}
