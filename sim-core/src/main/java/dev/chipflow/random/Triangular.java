package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.TriangularDistribution;

/**
 * The triangular distribution (Commons Statistics), the usual choice for an expert's "min, most likely, max".
 *
 * @param min  the lower bound, finite and non-negative
 * @param mode the most likely value, in [min, max]
 * @param max  the upper bound, greater than {@code min}
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Triangular(double min, double mode, double max) implements Distribution {
    /**
     * Validates the parameters.
     *
     * @param min the lower bound, finite and non-negative
     * @param mode the most likely value, in [min, max]
     * @param max the upper bound, greater than {@code min}
     */
    public Triangular {
        Params.require("triangular min", min, 0);
        Params.require("triangular mode", mode, min);
        Params.require("triangular max", max, mode);
        if (!(max > min)) {
            throw new IllegalArgumentException("triangular max must be > min (" + min + "), was " + max);
        }
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return TriangularDistribution.of(min, mode, max).createSampler(rng)::sample;
    }

    @Override
    public double mean() {
        return (min + mode + max) / 3.0;
    }

    @Override
    public double variance() {
        return (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18.0;
    }

    @Override
    public String spec() {
        return "tri(" + Params.fmt(min) + "," + Params.fmt(mode) + "," + Params.fmt(max) + ")";
    }
}
