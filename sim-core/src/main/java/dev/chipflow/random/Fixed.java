package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A constant: every draw is {@code value}.
 *
 * @param value the value, finite and non-negative (delays and durations are never negative)
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Fixed(double value) implements Distribution {
    /**
     * Validates the value.
     *
     * @param value the value, finite and non-negative (delays and durations are never negative)
     */
    public Fixed {
        Params.require("fixed value", value, 0);
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        double v = value;
        return () -> v;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public double variance() {
        return 0;
    }

    @Override
    public double min() {
        return value;
    }

    @Override
    public double max() {
        return value;
    }

    @Override
    public String spec() {
        return "fixed(" + Params.fmt(value) + ")";
    }
}
