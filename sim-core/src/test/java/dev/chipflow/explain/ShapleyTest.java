package dev.chipflow.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chipflow.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The generic Shapley calculator on synthetic games whose values are derived by hand below. Everything here is exact
 * arithmetic up to rounding: no statistics, so no false failures.
 */
class ShapleyTest {

    private static final double U = 1_000_000;

    /**
     * Two rules in series, each holding every unit: units arrive only when both are lifted, v(S) = U iff S = {0, 1}.
     * phi_0 = w(0) (v({0}) - v({})) + w(1) (v({0,1}) - v({1})) = 1/2 x 0 + 1/2 x U = U/2, and phi_1 the same: the
     * shortfall is split equally. Lifted alone each gains 0; kept alone each costs U.
     */
    @Test
    void twoRulesInSeriesSplitTheShortfallEqually() {
        IntFunction<double[]> v = mask -> new double[] {mask == 3 ? U : 0};
        double[][] phi = Shapley.exact(2, v);
        assertEquals(U / 2, phi[0][0]);
        assertEquals(U / 2, phi[1][0]);
        assertArrayEquals(new double[] {0}, Shapley.alone(2, v)[0]);
        assertArrayEquals(new double[] {0}, Shapley.alone(2, v)[1]);
        assertArrayEquals(new double[] {U}, Shapley.last(2, v)[0]);
        assertArrayEquals(new double[] {U}, Shapley.last(2, v)[1]);
    }

    /**
     * The same among ten rules, of which only rules 3 and 7 bind: v(S) = U iff both are in S. Rules 3 and 7 get U/2
     * each (the eight others are null players, and symmetry splits the rest), every other rule exactly 0: every
     * marginal contribution of a null player is v(S + i) - v(S) = 0, so its sum is a sum of exact zeros.
     */
    @Test
    void aRuleThatNeverBindsGetsExactlyZero() {
        int both = (1 << 3) | (1 << 7);
        double[] phi = Shapley.values(10, mask -> (mask & both) == both ? U : 0);
        for (int i = 0; i < 10; i++) {
            if (i == 3 || i == 7) {
                assertEquals(U / 2, phi[i], 1e-9 * U, "rule " + i);
            } else {
                assertEquals(0.0, phi[i], "rule " + i + " never binds");
            }
        }
    }

    /**
     * One rule that alone holds everything: v(S) = U iff rule 0 is in S, whatever else is. Rule 0's marginal
     * contribution is U for every subset without it, and the weights over those subsets sum to 1, so phi_0 = U; every
     * other rule's contributions are 0.
     */
    @Test
    void aRuleThatAloneHoldsEverythingGetsEverything() {
        for (int n = 1; n <= 10; n++) {
            double[] phi = Shapley.values(n, mask -> (mask & 1) != 0 ? U : 0);
            assertEquals(U, phi[0], 1e-9 * U, n + " rules");
            for (int i = 1; i < n; i++) {
                assertEquals(0.0, phi[i], n + " rules, rule " + i);
            }
        }
    }

    /**
     * A three-player game: v({}) = 0, v(A) = 10, v(B) = 20, v(C) = 30, v(AB) = 40, v(AC) = 50, v(BC) = 60,
     * v(ABC) = 90. Weights for n = 3: |S| = 0: 0!2!/3! = 1/3, |S| = 1: 1!1!/3! = 1/6, |S| = 2: 2!0!/3! = 1/3.
     * <pre>
     * A: 1/3 (10 - 0) + 1/6 (40 - 20) + 1/6 (50 - 30) + 1/3 (90 - 60) = 10/3 + 10/3 + 10/3 + 10 = 20
     * B: 1/3 (20 - 0) + 1/6 (40 - 10) + 1/6 (60 - 30) + 1/3 (90 - 50) = 20/3 + 5 + 5 + 40/3    = 30
     * C: 1/3 (30 - 0) + 1/6 (50 - 10) + 1/6 (60 - 20) + 1/3 (90 - 40) = 10 + 20/3 + 20/3 + 50/3 = 40
     * </pre>
     * Sum 90 = v(ABC) - v({}). The six orders give A the marginals ABC 10, ACB 10, BAC 20, BCA 30, CAB 20, CBA 30,
     * mean 120/6 = 20, as the formula.
     */
    @Test
    void aThreePlayerGameWithKnownValues() {
        double[] v = {0, 10, 20, 40, 30, 50, 60, 90}; // by mask: bit 0 = A, bit 1 = B, bit 2 = C
        double[] phi = Shapley.values(3, mask -> v[mask]);
        assertArrayEquals(new double[] {20, 30, 40}, phi, 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 6, 1.0 / 3}, Shapley.weights(3), 1e-15);
        double[] a = new double[6];
        int k = 0;
        for (int[] order : List.of(new int[] {0, 1, 2}, new int[] {0, 2, 1}, new int[] {1, 0, 2},
                new int[] {1, 2, 0}, new int[] {2, 0, 1}, new int[] {2, 1, 0})) {
            a[k++] = Shapley.marginals(order, mask -> new double[] {v[mask]})[0][0];
        }
        assertArrayEquals(new double[] {10, 10, 20, 30, 20, 30}, a);
    }

    /**
     * Efficiency on random games, every size from 1 to 10 players and vector values: the values sum to v(all) -
     * v(empty) to rounding, in every game ("replication"). And the mean of the marginals over all n! orders (n = 4:
     * 24 orders) is the exact value.
     */
    @Test
    void valuesSumToTheTotalInEveryGame() {
        UniformRandomProvider rng = RandomStreams.of(7).stream("games");
        for (int game = 0; game < 40; game++) {
            int n = 1 + game % 10;
            double[][] table = new double[1 << n][3];
            for (double[] row : table) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = (rng.nextDouble() - 0.3) * U;
                }
            }
            double[][] phi = Shapley.exact(n, table);
            for (int k = 0; k < 3; k++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += phi[i][k];
                }
                assertEquals(table[(1 << n) - 1][k] - table[0][k], sum, 1e-9 * U, "game " + game);
            }
        }
        double[] v = new double[16];
        for (int m = 0; m < 16; m++) {
            v[m] = rng.nextDouble() * U;
        }
        IntToDoubleFunction game = m -> v[m];
        double[] exact = Shapley.values(4, game);
        double[] mean = new double[4];
        List<int[]> orders = permutations(new int[] {0, 1, 2, 3}, 0, new ArrayList<>());
        assertEquals(24, orders.size());
        for (int[] order : orders) {
            double[][] m = Shapley.marginals(order, mask -> new double[] {v[mask]});
            for (int i = 0; i < 4; i++) {
                mean[i] += m[i][0] / orders.size();
            }
        }
        assertArrayEquals(exact, mean, 1e-9 * U);
    }

    /** {@code w[s] = s!(n-s-1)!/n!}; over the C(n-1, s) subsets of each size the weights sum to 1. */
    @Test
    void weightsOfEverySubsetWithoutAPlayerSumToOne() {
        assertArrayEquals(new double[] {1}, Shapley.weights(1));
        assertArrayEquals(new double[] {0.5, 0.5}, Shapley.weights(2));
        for (int n = 1; n <= Shapley.MAX_PLAYERS; n++) {
            double[] w = Shapley.weights(n);
            double sum = 0;
            double c = 1;
            for (int s = 0; s < n; s++) {
                sum += c * w[s];
                c = c * (n - 1 - s) / (s + 1);
            }
            assertEquals(1.0, sum, 1e-12, n + " players");
        }
    }

    @Test
    void refusesWhatIsNotAGame() {
        assertThrows(IllegalArgumentException.class, () -> Shapley.weights(0));
        assertThrows(IllegalArgumentException.class, () -> Shapley.subsets(Shapley.MAX_PLAYERS + 1));
        assertThrows(IllegalArgumentException.class, () -> Shapley.exact(2, new double[3][1]));
        assertThrows(IllegalArgumentException.class,
                () -> Shapley.marginals(new int[] {0, 0}, mask -> new double[] {mask}));
    }

    private static List<int[]> permutations(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return out;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permutations(a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
        return out;
    }
}
