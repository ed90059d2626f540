package dev.chipflow.stats;

import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * Observation statistics: count, mean, variance, min, max (Commons Statistics' streaming {@link DoubleStatistics},
 * computing only these, so an observation costs a few arithmetic operations), and, if asked for, streaming quantiles
 * in bounded memory.
 */
public final class Tally {

    private final DoubleStatistics moments = DoubleStatistics.of(Statistic.MIN, Statistic.MAX, Statistic.MEAN,
            Statistic.VARIANCE);
    private final StreamingQuantiles quantiles;

    /** A tally of moments only. */
    public Tally() {
        this.quantiles = null;
    }

    /**
     * A tally that also estimates the given quantiles.
     *
     * @param probabilities quantile levels in (0, 1), e.g. 0.5, 0.9, 0.99
     */
    public Tally(double... probabilities) {
        this.quantiles = probabilities.length == 0 ? null : new StreamingQuantiles(probabilities);
    }

    /** @param x an observation; NaN is refused */
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
