package dev.chipflow.stats;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Observation statistics: count, mean, variance, min, max (Commons Math's streaming {@link SummaryStatistics}), and,
 * if asked for, streaming quantiles in bounded memory.
 */
public final class Tally {

    private final SummaryStatistics moments = new SummaryStatistics();
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
        moments.addValue(x);
        if (quantiles != null) {
            quantiles.add(x);
        }
    }

    /** @return the number of observations */
    public long count() {
        return moments.getN();
    }

    /** @return the mean, NaN with no observation */
    public double mean() {
        return moments.getMean();
    }

    /** @return the sample variance, NaN with no observation, 0 with one */
    public double variance() {
        return moments.getVariance();
    }

    /** @return the sample standard deviation */
    public double standardDeviation() {
        return moments.getStandardDeviation();
    }

    /** @return the smallest observation, NaN with none */
    public double min() {
        return moments.getMin();
    }

    /** @return the largest observation, NaN with none */
    public double max() {
        return moments.getMax();
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
