package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;

/**
 * The continuous uniform distribution on [min, max] (Commons RNG).
 *
 * @param min the lower bound, finite and non-negative
 * @param max the upper bound, finite and greater than {@code min}
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Uniform(double min, double max) implements Distribution {
    /**
     * Validates the bounds.
     *
     * @param min the lower bound, finite and non-negative
     * @param max the upper bound, finite and greater than {@code min}
     */
    public Uniform {
        Params.require("uniform min", min, 0);
        Params.require("uniform max", max, min);
        if (!(max > min)) {
            throw new IllegalArgumentException("uniform max must be > min (" + min + "), was " + max);
        }
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return ContinuousUniformSampler.of(rng, min, max);
    }

    @Override
    public double mean() {
        return 0.5 * (min + max);
    }

    @Override
    public double variance() {
        double w = max - min;
        return w * w / 12.0;
    }

    @Override
    public String spec() {
        return "uniform(" + Params.fmt(min) + "," + Params.fmt(max) + ")";
    }
}
