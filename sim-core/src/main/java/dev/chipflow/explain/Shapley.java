package dev.chipflow.explain;

import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Shapley values of a game of {@code n} players given by its value function on subsets, a subset being a bitmask
 * (bit {@code i} set: player {@code i} is in). Values may be vectors (one entry per output: a firm, a date), every
 * entry its own game; everything here is linear in the value function.
 *
 * <p>Exact: {@code phi_i = sum over S not containing i of |S|! (n - |S| - 1)! / n! x (v(S + i) - v(S))}, which sums
 * exactly (to rounding) to {@code v(all) - v(empty)}. Sampled: the marginal contributions along one order of the
 * players ({@link #marginals}), whose mean over uniformly random orders is the Shapley value, and which also sum to
 * {@code v(all) - v(empty)} for every order.
 */
public final class Shapley {

    /** The most players: 2^20 subsets. */
    public static final int MAX_PLAYERS = 20;

    private Shapley() {
    }

    /**
     * @param n the number of players, 1 to {@link #MAX_PLAYERS}
     * @return {@code 2^n}, the number of subsets (bitmasks {@code 0 .. 2^n - 1})
     * @throws IllegalArgumentException if {@code n} is outside 1 to {@link #MAX_PLAYERS}
     */
    public static int subsets(int n) {
        check(n);
        return 1 << n;
    }

    /**
     * @param n the number of players, 1 to {@link #MAX_PLAYERS}
     * @return the subset of every player: the bitmask {@code 2^n - 1}, bits {@code 0 .. n-1} set
     * @throws IllegalArgumentException if {@code n} is outside 1 to {@link #MAX_PLAYERS}
     */
    public static int all(int n) {
        return subsets(n) - 1;
    }

    /**
     * @param n players
     * @return {@code w[s] = s! (n - s - 1)! / n!}, the weight of a subset of {@code s} players not holding the player
     *         whose value is computed, for {@code s = 0 .. n-1}
     */
    public static double[] weights(int n) {
        check(n);
        double[] w = denominators(n);
        for (int s = 0; s < n; s++) {
            // s!(n-s-1)!/n! = 1 / (n * C(n-1, s))
            w[s] = 1 / w[s];
        }
        return w;
    }

    /**
     * Exact Shapley values of a scalar game (named apart from the vector form, so that a lambda picks one).
     *
     * @param n players, at most {@link #MAX_PLAYERS}
     * @param v the value of each subset
     * @return per player its Shapley value
     */
    public static double[] values(int n, IntToDoubleFunction v) {
        double[][] phi = exact(n, (int mask) -> new double[] {v.applyAsDouble(mask)});
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = phi[i][0];
        }
        return out;
    }

    /**
     * Exact Shapley values of a vector game; {@code v} is called once per subset.
     *
     * @param n players, at most {@link #MAX_PLAYERS}
     * @param v the value of each subset, every one the same length
     * @return {@code phi[i][k]}: player {@code i}'s value in entry {@code k}
     */
    public static double[][] exact(int n, IntFunction<double[]> v) {
        double[][] table = new double[subsets(n)][];
        for (int mask = 0; mask < table.length; mask++) {
            table[mask] = v.apply(mask);
        }
        return exact(n, table);
    }

    /**
     * Exact Shapley values from a table of every subset's value.
     *
     * @param n     players
     * @param table {@code table[mask][k]}, for every mask in {@code [0, 2^n)}
     * @return {@code phi[i][k]}
     */
    public static double[][] exact(int n, double[][] table) {
        int m = subsets(n);
        if (table.length != m) {
            throw new IllegalArgumentException("a game of " + n + " players needs " + m + " values, got "
                    + table.length);
        }
        int k = table[0].length;
        double[] denominator = denominators(n);
        double[][] phi = new double[n][k];
        // Marginal contributions are summed per subset size first and divided once by n x C(n-1, s): unit counts
        // then sum exactly, and a rule whose every marginal is the same U gets exactly U.
        double[][] bySize = new double[n][k];
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            for (double[] row : bySize) {
                java.util.Arrays.fill(row, 0);
            }
            for (int mask = 0; mask < m; mask++) {
                if ((mask & bit) != 0) {
                    continue;
                }
                double[] sum = bySize[Integer.bitCount(mask)];
                double[] with = table[mask | bit];
                double[] without = table[mask];
                for (int j = 0; j < k; j++) {
                    sum[j] += with[j] - without[j];
                }
            }
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < k; j++) {
                    phi[i][j] += bySize[s][j] / denominator[s];
                }
            }
        }
        return phi;
    }

    /** @return {@code n x C(n-1, s)}, the inverse of {@link #weights}, exact integers for n <= 20 */
    private static double[] denominators(int n) {
        double[] d = new double[n];
        double c = 1;
        for (int s = 0; s < n; s++) {
            d[s] = n * c;
            c = c * (n - 1 - s) / (s + 1);
        }
        return d;
    }

    /**
     * The marginal contribution of each player when the players join in {@code order}: player {@code order[j]} gets
     * {@code v(order[0..j]) - v(order[0..j-1])}. Their mean over uniformly random orders is the Shapley value.
     *
     * @param order a permutation of {@code 0 .. n-1}
     * @param v     the value of each subset; called for the {@code n + 1} prefixes of the order
     * @return {@code m[i][k]}
     */
    public static double[][] marginals(int[] order, IntFunction<double[]> v) {
        int n = order.length;
        check(n);
        double[][] m = new double[n][];
        int mask = 0;
        double[] before = v.apply(mask);
        for (int j = 0; j < n; j++) {
            int i = order[j];
            if (i < 0 || i >= n || (mask & (1 << i)) != 0) {
                throw new IllegalArgumentException("not a permutation of 0.." + (n - 1) + ": player " + i);
            }
            mask |= 1 << i;
            double[] after = v.apply(mask);
            m[i] = minus(after, before);
            before = after;
        }
        return m;
    }

    /**
     * What lifting one player alone gains: {@code v({i}) - v(empty)}.
     *
     * @param n the number of players, {@code 0 .. n-1}, at most {@link #MAX_PLAYERS} (not checked here)
     * @param v the value of each subset, every one the same length; called for the empty subset and each player
     *          alone ({@code n + 1} calls)
     * @return {@code d[i][k]}: entry {@code k} of player {@code i} alone minus that of the empty subset
     */
    public static double[][] alone(int n, IntFunction<double[]> v) {
        double[] none = v.apply(0);
        double[][] d = new double[n][];
        for (int i = 0; i < n; i++) {
            d[i] = minus(v.apply(1 << i), none);
        }
        return d;
    }

    /**
     * What a player adds when it joins last, every other player already in: {@code v(all) - v(all minus i)}.
     *
     * @param n the number of players, 1 to {@link #MAX_PLAYERS}
     * @param v the value of each subset, every one the same length; called for the full subset and each subset of
     *          all players but one ({@code n + 1} calls)
     * @return {@code d[i][k]}: entry {@code k} of the full subset minus that of the subset without player {@code i}
     * @throws IllegalArgumentException if {@code n} is outside 1 to {@link #MAX_PLAYERS}
     */
    public static double[][] last(int n, IntFunction<double[]> v) {
        int all = all(n);
        double[] full = v.apply(all);
        double[][] d = new double[n][];
        for (int i = 0; i < n; i++) {
            d[i] = minus(full, v.apply(all & ~(1 << i)));
        }
        return d;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = a[k] - b[k];
        }
        return d;
    }

    private static void check(int n) {
        if (n < 1 || n > MAX_PLAYERS) {
            throw new IllegalArgumentException("players must be 1.." + MAX_PLAYERS + ", was " + n);
        }
    }
}
