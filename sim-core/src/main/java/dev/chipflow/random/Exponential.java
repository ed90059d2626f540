package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The exponential distribution (Commons RNG ziggurat sampler).
 *
 * @param mean the mean, finite and positive
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Exponential(double mean) implements Distribution {
    /**
     * Validates the mean.
     *
     * @param mean the mean, finite and positive
     */
    public Exponential {
        Params.require("exponential mean", mean, Double.MIN_VALUE);
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return ZigguratSampler.Exponential.of(rng, mean);
    }

    @Override
    public double variance() {
        return mean * mean;
    }

    @Override
    public double min() {
        return 0;
    }

    @Override
    public double max() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String spec() {
        return "exp(" + Params.fmt(mean) + ")";
    }
}
