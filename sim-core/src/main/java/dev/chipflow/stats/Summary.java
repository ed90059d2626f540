package dev.chipflow.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One output across replications: mean, standard deviation and a Student-t confidence interval for the mean.
 *
 * <p>With fewer than two replications the interval is undefined and its bounds are NaN.
 *
 * @param n     the number of replications
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

    /** @return half the width of the interval */
    public double halfWidth() {
        return 0.5 * (upper - lower);
    }

    /** @return whether {@code x} lies in the closed interval */
    public boolean covers(double x) {
        return x >= lower && x <= upper;
    }
}
