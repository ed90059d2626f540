package dev.chipflow.sensitivity;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Saltelli's design for Sobol' indices on the unit cube: base matrices A and B (each {@code n} rows of {@code k}
 * columns) and, for each factor {@code i}, the matrix A_B^i: A with column {@code i} taken from B. That is
 * {@code n (k + 2)} points in all.
 *
 * <p>The rows of [A | B] are the first {@code n} points of the Sobol' sequence in {@code 2k} dimensions (Commons Math's
 * {@link SobolSequenceGenerator}, Joe and Kuo's direction numbers), randomised by a <em>digital shift</em>: each
 * coordinate's 52 bits are XORed with a mask drawn once per dimension from the given random stream. The shift keeps
 * the sequence's stratification (every dyadic box holds the same number of points as before) while making the design
 * random, so that an estimate's error is random and a confidence interval means something; the first point is no
 * longer the cube's corner. Use a power of two for {@code n}: the stratification holds for those.
 *
 * <p>Points are numbered row by row: point {@code row * (k + 2) + m} is A's row for {@code m = 0}, A_B^i's for
 * {@code m = i + 1}, and B's for {@code m = k + 1}.
 */
public final class SaltelliDesign {

    /** The bits of a coordinate of Commons Math's Sobol' generator. */
    private static final int BITS = 52;
    private static final double SCALE = Math.pow(2, BITS);
    /** The most dimensions Commons Math's generator has direction numbers for. */
    public static final int MAX_DIMENSIONS = 1000;

    private final int k;
    private final int n;
    private final double[][] a;
    private final double[][] b;

    private SaltelliDesign(int k, int n, double[][] a, double[][] b) {
        this.k = k;
        this.n = n;
        this.a = a;
        this.b = b;
    }

    /**
     * @param factors     the number of factors {@code k}, 1 to 500
     * @param baseSamples the rows {@code n} of A and B, at least 2 (a power of two is best)
     * @param rng         draws the digital shift, {@code 2k} masks
     * @return the design
     */
    public static SaltelliDesign of(int factors, int baseSamples, UniformRandomProvider rng) {
        if (factors < 1 || 2 * factors > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("a Saltelli design takes 1 to " + MAX_DIMENSIONS / 2
                    + " factors, was " + factors);
        }
        if (baseSamples < 2) {
            throw new IllegalArgumentException("a Saltelli design needs at least 2 base samples, was " + baseSamples);
        }
        int d = 2 * factors;
        long[] mask = new long[d];
        for (int j = 0; j < d; j++) {
            mask[j] = rng.nextLong() >>> (Long.SIZE - BITS);
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        double[][] a = new double[baseSamples][factors];
        double[][] b = new double[baseSamples][factors];
        for (int r = 0; r < baseSamples; r++) {
            double[] x = sobol.nextVector();
            for (int j = 0; j < d; j++) {
                double u = shift(x[j], mask[j]);
                if (j < factors) {
                    a[r][j] = u;
                } else {
                    b[r][j - factors] = u;
                }
            }
        }
        return new SaltelliDesign(factors, baseSamples, a, b);
    }

    /** XORs a Sobol' coordinate (a multiple of 2^-52 in [0, 1)) with a 52-bit mask. */
    static double shift(double u, long mask) {
        long bits = (long) (u * SCALE);
        return (bits ^ mask) / SCALE;
    }

    /** @return the number of factors */
    public int factors() {
        return k;
    }

    /** @return the rows of A and of B */
    public int baseSamples() {
        return n;
    }

    /** @return the number of points, {@code n (k + 2)} */
    public int points() {
        return n * (k + 2);
    }

    /**
     * @param p a point's number
     * @return its coordinates in the unit cube (a new array)
     */
    public double[] point(int p) {
        int row = p / (k + 2);
        int m = p % (k + 2);
        if (m == 0) {
            return a[row].clone();
        }
        if (m == k + 1) {
            return b[row].clone();
        }
        double[] x = a[row].clone();
        x[m - 1] = b[row][m - 1];
        return x;
    }

    /**
     * @param p a point's number
     * @return which matrix it belongs to: {@code A}, {@code B} or {@code AB} followed by the factor's index from 1
     */
    public String matrix(int p) {
        int m = p % (k + 2);
        return m == 0 ? "A" : m == k + 1 ? "B" : "AB" + m;
    }

    /**
     * @param row a base row
     * @return the number of A's point in that row
     */
    public int pointA(int row) {
        return row * (k + 2);
    }

    /**
     * @param row a base row, from 0 to {@link #baseSamples()} - 1
     * @return the number of B's point in that row
     */
    public int pointB(int row) {
        return row * (k + 2) + k + 1;
    }

    /**
     * @param row a base row, from 0 to {@link #baseSamples()} - 1
     * @param i   a factor, from 0 to {@link #factors()} - 1: the column A_B^i takes from B
     * @return the number of A_B^i's point in that row
     */
    public int pointAB(int row, int i) {
        return row * (k + 2) + i + 1;
    }

    /**
     * Splits one output, given at every point, into what {@link SobolEstimator} takes.
     *
     * @param y the output at each point, in point order
     * @return f(A), f(B) and f(A_B^i) per factor
     */
    public SobolEstimator.Evaluations split(double[] y) {
        if (y.length != points()) {
            throw new IllegalArgumentException("expected " + points() + " outputs, got " + y.length);
        }
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[][] fab = new double[k][n];
        for (int r = 0; r < n; r++) {
            fa[r] = y[pointA(r)];
            fb[r] = y[pointB(r)];
            for (int i = 0; i < k; i++) {
                fab[i][r] = y[pointAB(r, i)];
            }
        }
        return new SobolEstimator.Evaluations(fa, fb, fab);
    }
}
