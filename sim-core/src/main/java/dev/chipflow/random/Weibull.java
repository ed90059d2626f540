package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/**
 * The Weibull distribution (Commons Statistics' {@link WeibullDistribution}): shape {@code k} below 1 gives a falling
 * hazard (most durations short, a long tail), 1 the exponential, above 1 a rising hazard (wear-out).
 *
 * @param shape the shape k, positive
 * @param scale the scale lambda, positive; the mean is lambda * Gamma(1 + 1/k)
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Weibull(double shape, double scale) implements Distribution {
    /**
     * Validates the parameters.
     *
     * @param shape the shape k, positive
     * @param scale the scale lambda, positive; the mean is lambda * Gamma(1 + 1/k)
     */
    public Weibull {
        Params.require("weibull shape", shape, Double.MIN_VALUE);
        Params.require("weibull scale", scale, Double.MIN_VALUE);
    }

    private WeibullDistribution distribution() {
        return WeibullDistribution.of(shape, scale);
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return distribution().createSampler(rng)::sample;
    }

    @Override
    public double mean() {
        return distribution().getMean();
    }

    @Override
    public double variance() {
        return distribution().getVariance();
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
        return "weibull(" + Params.fmt(shape) + "," + Params.fmt(scale) + ")";
    }
}
