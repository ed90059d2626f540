package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The gamma distribution (Commons RNG Marsaglia-Tsang sampler).
 *
 * @param shape the shape k, positive
 * @param scale the scale theta, positive; the mean is k * theta
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Gamma(double shape, double scale) implements Distribution {
    /**
     * Validates the parameters.
     *
     * @param shape the shape k, positive
     * @param scale the scale theta, positive; the mean is k * theta
     */
    public Gamma {
        Params.require("gamma shape", shape, Double.MIN_VALUE);
        Params.require("gamma scale", scale, Double.MIN_VALUE);
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape, scale);
    }

    @Override
    public double mean() {
        return shape * scale;
    }

    @Override
    public double variance() {
        return shape * scale * scale;
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
        return "gamma(" + Params.fmt(shape) + "," + Params.fmt(scale) + ")";
    }
}
