package dev.chipflow.stats;

import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * Observation statistics: count, mean, variance, min, max (Commons Statistics' streaming {@link DoubleStatistics},
 * computing only these, so an observation costs a few arithmetic operations), a Student-t confidence interval for
 * the mean, and, if asked for, streaming quantiles in bounded memory.
 *
 * <p>The interval treats the observations as independent. Successive observations of one run (the waits of
 * successive customers) usually are not, and the interval is then too narrow: use {@link BatchMeans} for the mean of a
 * steady-state output of one long run, or one value per replication ({@link Summary}).
 */
public final class Tally {

    private DoubleStatistics moments = newMoments();
    private final double[] probabilities;
    private StreamingQuantiles quantiles;

    /** A tally of moments only. */
    public Tally() {
        this.probabilities = new double[0];
        this.quantiles = null;
    }

    /**
     * A tally that also estimates the given quantiles.
     *
     * @param probabilities quantile levels in (0, 1), e.g. 0.5, 0.9, 0.99
     */
    public Tally(double... probabilities) {
        this.probabilities = probabilities.clone();
        this.quantiles = probabilities.length == 0 ? null : new StreamingQuantiles(probabilities);
    }

    private static DoubleStatistics newMoments() {
        return DoubleStatistics.of(Statistic.MIN, Statistic.MAX, Statistic.MEAN, Statistic.VARIANCE);
    }

    /**
     * Forgets every observation (the end of a warm-up, say), keeping the quantile levels asked for at construction.
     */
    public void reset() {
        moments = newMoments();
        if (quantiles != null) {
            quantiles = new StreamingQuantiles(probabilities);
        }
    }

    /**
     * Adds an observation.
     *
     * @param x an observation; NaN is refused
     */
    public void add(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("a tally observation must be a number, was NaN");
        }
        moments.accept(x);
        if (quantiles != null) {
            quantiles.add(x);
        }
    }

    /** @return the number of observations */
    public long count() {
        return moments.getCount();
    }

    /** @return the mean, NaN with no observation */
    public double mean() {
        return moments.getCount() == 0 ? Double.NaN : moments.getAsDouble(Statistic.MEAN);
    }

    /** @return the sample variance, NaN with no observation, 0 with one */
    public double variance() {
        return moments.getCount() == 0 ? Double.NaN : moments.getAsDouble(Statistic.VARIANCE);
    }

    /** @return the sample standard deviation */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** @return the smallest observation, NaN with none */
    public double min() {
        return moments.getCount() == 0 ? Double.NaN : moments.getAsDouble(Statistic.MIN);
    }

    /** @return the largest observation, NaN with none */
    public double max() {
        return moments.getCount() == 0 ? Double.NaN : moments.getAsDouble(Statistic.MAX);
    }

    /**
     * A Student-t confidence interval for the mean, the observations taken as independent and identically
     * distributed ({@link Summary#ofMoments}).
     *
     * @param level the confidence level in (0, 1), e.g. 0.95
     * @return count, mean, standard deviation and the interval; with fewer than two observations its bounds are NaN
     */
    public Summary confidenceInterval(double level) {
        return Summary.ofMoments(count(), mean(), standardDeviation(), level);
    }

    /**
     * @param p one of the levels given at construction
     * @return the estimated quantile, NaN with no observation
     */
    public double quantile(double p) {
        if (quantiles == null) {
            throw new IllegalStateException("this tally was made without quantiles");
        }
        return quantiles.quantile(p);
    }
}
