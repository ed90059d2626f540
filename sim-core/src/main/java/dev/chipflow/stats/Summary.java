package dev.chipflow.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One output across replications: mean, standard deviation and a Student-t confidence interval for the mean.
 *
 * <p>With fewer than two values the interval is undefined and its bounds are NaN.
 *
 * @param n     the number of values summarised: every replication for {@link #of}, the finite ones for
 *              {@link #ofFinite}
 * @param mean  the sample mean
 * @param sd    the sample standard deviation
 * @param level the confidence level, e.g. 0.95
 * @param lower the lower bound of the interval
 * @param upper the upper bound of the interval
 */
public record Summary(long n, double mean, double sd, double level, double lower, double upper) {

    /** The usual level. */
    public static final double LEVEL_95 = 0.95;

    /**
     * Summarises one output, the values in replication order.
     *
     * @param values one value per replication
     * @param level  the confidence level in (0, 1)
     * @return the summary
     */
    public static Summary of(double[] values, double level) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        // ofMoments checks the level and makes the mean NaN with no value, the sd NaN with fewer than two.
        return ofMoments(s.getN(), s.getMean(), s.getStandardDeviation(), level);
    }

    /**
     * The Student-t interval from moments already computed: {@code mean +- t(n - 1) sd / sqrt(n)}, with the quantile
     * {@code t(n - 1)} of the Student t distribution with n - 1 degrees of freedom (Commons Math) at
     * {@code (1 + level) / 2}. The values are taken to be independent and identically distributed.
     *
     * @param n     the number of values
     * @param mean  their mean (NaN with none)
     * @param sd    their sample standard deviation (NaN with fewer than two)
     * @param level the confidence level in (0, 1)
     * @return the summary; with fewer than two values the bounds are NaN
     */
    public static Summary ofMoments(long n, double mean, double sd, double level) {
        checkLevel(level);
        if (n < 0) {
            throw new IllegalArgumentException("a count of values must be >= 0, was " + n);
        }
        if (n < 2) {
            return new Summary(n, n == 0 ? Double.NaN : mean, Double.NaN, level, Double.NaN, Double.NaN);
        }
        double t = tQuantile(n - 1, level);
        double half = t * sd / Math.sqrt(n);
        return new Summary(n, mean, sd, level, mean - half, mean + half);
    }

    /** A degrees-of-freedom and level pair whose quantile was computed. */
    private record TKey(long df, double level) {
    }

    /** Quantiles computed so far, for few degrees of freedom: a table of thousands of outputs asks for the same one. */
    private static final Map<TKey, Double> T_QUANTILES = new ConcurrentHashMap<>();

    private static double tQuantile(long df, double level) {
        TKey key = new TKey(df, level);
        Double cached = T_QUANTILES.get(key);
        if (cached != null) {
            return cached;
        }
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.5 + level / 2);
        if (df <= 10_000 && T_QUANTILES.size() < 4_096) {
            T_QUANTILES.put(key, t);
        }
        return t;
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
    }

    /**
     * Summarises at the 95% level.
     *
     * @param values one value per replication
     * @return the summary
     */
    public static Summary of95(double[] values) {
        return of(values, LEVEL_95);
    }

    /**
     * Summarises the finite values only, so that an output undefined in some replications (NaN: a lead time where
     * nothing was delivered) is summarised over the others instead of becoming NaN; {@link #n()} then says over how
     * many. Infinities are left out too: they have no mean or interval (Commons Math gives NaN for them anyway).
     * Without NaN or infinities this equals {@link #of}.
     *
     * @param values one value per replication, NaN where the output is undefined
     * @param level  the confidence level in (0, 1)
     * @return the summary of the finite values; with none, n = 0 and everything else NaN
     */
    public static Summary ofFinite(double[] values, double level) {
        double[] finite = new double[values.length];
        int k = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite[k++] = v;
            }
        }
        return of(k == values.length ? values : Arrays.copyOf(finite, k), level);
    }

    /**
     * Summarises the finite values at the 95% level ({@link #ofFinite(double[], double)}).
     *
     * @param values one value per replication, NaN where the output is undefined
     * @return the summary of the finite values
     */
    public static Summary ofFinite95(double[] values) {
        return ofFinite(values, LEVEL_95);
    }

    /** @return half the width of the interval */
    public double halfWidth() {
        return 0.5 * (upper - lower);
    }

    /**
     * @param x a value
     * @return whether {@code x} lies in the closed interval
     */
    public boolean covers(double x) {
        return x >= lower && x <= upper;
    }
}
