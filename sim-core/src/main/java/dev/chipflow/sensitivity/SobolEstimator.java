package dev.chipflow.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.descriptive.NaNPolicy;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Sobol' indices from the evaluations of a {@link SaltelliDesign}, with bootstrap confidence intervals.
 *
 * <p>With {@code f_A}, {@code f_B} and {@code f_ABi} the output at the rows of A, B and A_B^i, centred on the mean of
 * {@code f_A} and {@code f_B}, and {@code V} the (population) variance of the {@code 2n} values of {@code f_A} and
 * {@code f_B}:
 * <ul>
 *   <li>first order (Saltelli et al. 2010, Table 2 (b)): {@code S_i = mean(f_B (f_ABi - f_A)) / V};</li>
 *   <li>total (Jansen 1999, Saltelli et al. 2010, Table 2 (f)): {@code ST_i = mean((f_A - f_ABi)^2) / (2V)}.</li>
 * </ul>
 * The first-order index is the share of the output's variance that the factor explains alone; the total index the
 * share that would vanish if the factor were known, interactions included. A factor that changes nothing has both
 * exactly 0 (every difference {@code f_ABi - f_A} is 0).
 *
 * <p>Intervals: the base rows are resampled with replacement (each resample names {@code n} rows; the same resamples
 * serve every factor and every output of one analysis), the indices recomputed on each resample, and the interval is
 * the resampled indices' percentiles {@code (1 - level) / 2} and {@code (1 + level) / 2}, by Commons Statistics'
 * {@link Quantile} (its default estimation method). Estimates may fall a little outside [0, 1] at small samples; they
 * are reported as computed.
 */
public final class SobolEstimator {

    private SobolEstimator() {
    }

    /**
     * The output at the points of a Saltelli design.
     *
     * @param fA  at A's rows
     * @param fB  at B's rows
     * @param fAB per factor, at A_B^i's rows
     */
    public record Evaluations(double[] fA, double[] fB, double[][] fAB) {

        /**
         * Checks the lengths; the arrays are kept as given, not copied.
         *
         * @param fA  the output at A's rows, {@code n} values, at least 2
         * @param fB  the output at B's rows, as many as {@code fA}, row {@code r} of B paired with row {@code r} of A
         * @param fAB {@code fAB[i][r]}: the output at row {@code r} of A_B^i, for each factor {@code i}; every one as
         *            long as {@code fA}
         * @throws IllegalArgumentException if {@code fA} and {@code fB} differ in length or have fewer than 2 rows,
         *                                  or a row of {@code fAB} differs in length from {@code fA}
         */
        public Evaluations {
            if (fA.length != fB.length || fA.length < 2) {
                throw new IllegalArgumentException("f(A) and f(B) need the same number of rows, at least 2: "
                        + fA.length + " and " + fB.length);
            }
            for (double[] r : fAB) {
                if (r.length != fA.length) {
                    throw new IllegalArgumentException("f(A_B) has " + r.length + " rows, f(A) " + fA.length);
                }
            }
        }

        /** @return the rows */
        public int rows() {
            return fA.length;
        }

        /** @return whether every value is finite */
        public boolean finite() {
            for (int r = 0; r < fA.length; r++) {
                if (!Double.isFinite(fA[r]) || !Double.isFinite(fB[r])) {
                    return false;
                }
                for (double[] x : fAB) {
                    if (!Double.isFinite(x[r])) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * One factor's indices.
     *
     * @param first      first-order index
     * @param firstLower lower end of its interval
     * @param firstUpper upper end
     * @param total      total index
     * @param totalLower lower end of its interval
     * @param totalUpper upper end
     */
    public record Index(double first, double firstLower, double firstUpper, double total, double totalLower,
            double totalUpper) {

        /** All undefined: the output does not vary, or is undefined somewhere. */
        public static final Index UNDEFINED = new Index(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);

        /**
         * @param x a first-order index, e.g. the exact value of a test function
         * @return whether the first-order interval {@code [firstLower, firstUpper]}, ends included, holds {@code x};
         *         false if the interval is undefined (NaN)
         */
        public boolean firstCovers(double x) {
            return x >= firstLower && x <= firstUpper;
        }

        /**
         * @param x a total index, e.g. the exact value of a test function
         * @return whether the total interval {@code [totalLower, totalUpper]}, ends included, holds {@code x}; false
         *         if the interval is undefined (NaN)
         */
        public boolean totalCovers(double x) {
            return x >= totalLower && x <= totalUpper;
        }
    }

    /**
     * The indices of one output.
     *
     * @param variance the output's variance over A and B (0: it does not vary; NaN: undefined somewhere)
     * @param indices  per factor
     */
    public record Result(double variance, List<Index> indices) {

        /**
         * Copies the list.
         *
         * @param variance the output's population variance over the {@code 2n} values of A and B (0: it does not
         *                 vary; NaN: it is not finite somewhere)
         * @param indices  per factor, in design column order; {@link Index#UNDEFINED} for every factor when the
         *                 variance is 0 or NaN
         */
        public Result {
            indices = List.copyOf(indices);
        }
    }

    /**
     * Draws bootstrap resamples of the base rows.
     *
     * @param rows  the base rows {@code n}
     * @param count the number of resamples, at least 1
     * @param rng   the stream to draw from
     * @return {@code count} arrays of {@code n} row numbers drawn with replacement
     */
    public static int[][] resamples(int rows, int count, UniformRandomProvider rng) {
        if (count < 1) {
            throw new IllegalArgumentException("at least 1 bootstrap resample, was " + count);
        }
        int[][] out = new int[count][rows];
        for (int b = 0; b < count; b++) {
            for (int r = 0; r < rows; r++) {
                out[b][r] = rng.nextInt(rows);
            }
        }
        return out;
    }

    /**
     * Point estimates without intervals.
     *
     * @param e the evaluations
     * @return per factor, {first, total}; NaN where the output does not vary
     */
    public static double[][] pointEstimates(Evaluations e) {
        int k = e.fAB().length;
        double[][] out = new double[k][2];
        double[] first = new double[k];
        double[] total = new double[k];
        if (constant(e)) {
            java.util.Arrays.fill(first, Double.NaN);
            java.util.Arrays.fill(total, Double.NaN);
        } else {
            compute(e, center(e), everyRow(e.rows()), first, total);
        }
        for (int i = 0; i < k; i++) {
            out[i][0] = first[i];
            out[i][1] = total[i];
        }
        return out;
    }

    /**
     * Estimates every factor's indices with intervals.
     *
     * @param e         the evaluations
     * @param resamples from {@link #resamples}, over the same rows
     * @param level     the intervals' level, in (0, 1), e.g. 0.95
     * @return the indices; {@link Index#UNDEFINED} for every factor if the output does not vary or is not finite
     */
    public static Result estimate(Evaluations e, int[][] resamples, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the level must be in (0, 1), was " + level);
        }
        int n = e.rows();
        int k = e.fAB().length;
        if (!e.finite()) {
            return undefined(k, Double.NaN);
        }
        if (constant(e)) {
            return undefined(k, 0);
        }
        double c = center(e);
        double[] first = new double[k];
        double[] total = new double[k];
        double variance = compute(e, c, everyRow(n), first, total);
        if (!(variance > 0)) {
            return undefined(k, variance);
        }
        int m = resamples.length;
        double[][] bf = new double[k][m];
        double[][] bt = new double[k][m];
        double[] f = new double[k];
        double[] t = new double[k];
        for (int b = 0; b < m; b++) {
            if (resamples[b].length != n) {
                throw new IllegalArgumentException("a resample names " + resamples[b].length + " rows, not " + n);
            }
            compute(e, c, resamples[b], f, t);
            for (int i = 0; i < k; i++) {
                bf[i][b] = f[i];
                bt[i][b] = t[i];
            }
        }
        Quantile q = Quantile.withDefaults().with(NaNPolicy.EXCLUDE);
        double lo = (1 - level) / 2;
        double hi = (1 + level) / 2;
        List<Index> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double[] fq = q.evaluate(bf[i], lo, hi);
            double[] tq = q.evaluate(bt[i], lo, hi);
            out.add(new Index(first[i], fq[0], fq[1], total[i], tq[0], tq[1]));
        }
        return new Result(variance, out);
    }

    /** Every factor's indices undefined, for an output that does not vary ({@code variance} 0) or is not finite. */
    private static Result undefined(int k, double variance) {
        return new Result(variance, java.util.Collections.nCopies(k, Index.UNDEFINED));
    }

    /** @return the rows {@code 0 .. n-1}, each once: the sample itself rather than a resample */
    private static int[] everyRow(int n) {
        int[] all = new int[n];
        for (int r = 0; r < n; r++) {
            all[r] = r;
        }
        return all;
    }

    /** Exactly constant over A and B: the variance is 0, whatever rounding would make of it. */
    private static boolean constant(Evaluations e) {
        double v = e.fA()[0];
        for (int r = 0; r < e.rows(); r++) {
            if (e.fA()[r] != v || e.fB()[r] != v) {
                return false;
            }
        }
        return true;
    }

    private static double center(Evaluations e) {
        double s = 0;
        for (int r = 0; r < e.rows(); r++) {
            s += e.fA()[r] + e.fB()[r];
        }
        return s / (2.0 * e.rows());
    }

    /**
     * The indices over the rows named by {@code rows} (with repeats for a resample).
     *
     * @return the variance of f(A) and f(B) over those rows; NaN indices if it is 0
     */
    private static double compute(Evaluations e, double c, int[] rows, double[] first, double[] total) {
        int n = rows.length;
        double[] fa = e.fA();
        double[] fb = e.fB();
        double sum = 0;
        double sq = 0;
        for (int r : rows) {
            double a = fa[r] - c;
            double b = fb[r] - c;
            sum += a + b;
            sq += a * a + b * b;
        }
        double mean = sum / (2.0 * n);
        double variance = Math.max(0, sq / (2.0 * n) - mean * mean);
        for (int i = 0; i < first.length; i++) {
            double[] fab = e.fAB()[i];
            double s1 = 0;
            double st = 0;
            for (int r : rows) {
                double d = fab[r] - fa[r];
                s1 += (fb[r] - c) * d;
                st += d * d;
            }
            if (variance > 0) {
                first[i] = s1 / n / variance;
                total[i] = st / (2.0 * n) / variance;
            } else {
                first[i] = Double.NaN;
                total[i] = Double.NaN;
            }
        }
        return variance;
    }
}
