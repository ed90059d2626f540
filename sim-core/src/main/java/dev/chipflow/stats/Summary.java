package dev.chipflow.stats;

import java.util.Arrays;
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
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        long n = s.getN();
        double mean = n == 0 ? Double.NaN : s.getMean();
        double sd = n < 2 ? Double.NaN : s.getStandardDeviation();
        if (n < 2) {
            return new Summary(n, mean, sd, level, Double.NaN, Double.NaN);
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
        double half = t * sd / Math.sqrt(n);
        return new Summary(n, mean, sd, level, mean - half, mean + half);
    }

    /** Summarises at the 95% level. */
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

    /** Summarises the finite values at the 95% level ({@link #ofFinite(double[], double)}). */
    public static Summary ofFinite95(double[] values) {
        return ofFinite(values, LEVEL_95);
    }

    /** @return half the width of the interval */
    public double halfWidth() {
        return 0.5 * (upper - lower);
    }

    /** @return whether {@code x} lies in the closed interval */
    public boolean covers(double x) {
        return x >= lower && x <= upper;
    }
}
