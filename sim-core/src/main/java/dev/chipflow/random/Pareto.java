package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.ParetoDistribution;

/**
 * The Pareto distribution (Commons Statistics' {@link ParetoDistribution}): never below {@code scale}, with a power
 * tail {@code P(X > x) = (scale / x)^shape}. The mean is infinite for {@code shape <= 1} and the variance for
 * {@code shape <= 2}; a knob of days refuses an infinite mean.
 *
 * @param scale the minimum value x_m, positive
 * @param shape the tail index alpha, positive
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Pareto(double scale, double shape) implements Distribution {
    /**
     * Validates the parameters.
     *
     * @param scale the minimum value x_m, positive
     * @param shape the tail index alpha, positive
     */
    public Pareto {
        Params.require("pareto scale", scale, Double.MIN_VALUE);
        Params.require("pareto shape", shape, Double.MIN_VALUE);
    }

    private ParetoDistribution distribution() {
        return ParetoDistribution.of(scale, shape);
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return distribution().createSampler(rng)::sample;
    }

    /** @return {@code shape * scale / (shape - 1)}, or positive infinity for {@code shape <= 1} */
    @Override
    public double mean() {
        return distribution().getMean();
    }

    /**
     * @return {@code scale^2 shape / ((shape - 1)^2 (shape - 2))}, or positive infinity for {@code shape <= 2}
     */
    @Override
    public double variance() {
        return distribution().getVariance();
    }

    @Override
    public double min() {
        return scale;
    }

    @Override
    public double max() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String spec() {
        return "pareto(" + Params.fmt(scale) + "," + Params.fmt(shape) + ")";
    }
}
