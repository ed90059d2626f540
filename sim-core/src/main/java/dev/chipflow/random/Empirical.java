package dev.chipflow.random;

import java.util.Arrays;
import java.util.StringJoiner;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteUniformSampler;

/**
 * The empirical distribution of observed values: each draw is one of them, equally likely (Commons RNG uniform index).
 *
 * @param values the observations, at least one, each finite and non-negative
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Empirical(double[] values) implements Distribution {
    /**
     * Validates and copies the values.
     *
     * @param values the observations, at least one, each finite and non-negative
     */
    public Empirical {
        if (values.length == 0) {
            throw new IllegalArgumentException("empirical distribution needs at least one value");
        }
        values = values.clone();
        for (double v : values) {
            Params.require("empirical value", v, 0);
        }
    }

    /** @return a copy of the observations */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        double[] v = values;
        if (v.length == 1) {
            return () -> v[0];
        }
        DiscreteUniformSampler index = new DiscreteUniformSampler(rng, 0, v.length - 1);
        return () -> v[index.sample()];
    }

    @Override
    public double mean() {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** @return the population variance of the values (each is equally likely), computed in two passes */
    @Override
    public double variance() {
        double m = mean();
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return s / values.length;
    }

    @Override
    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    @Override
    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    @Override
    public String spec() {
        StringJoiner j = new StringJoiner(",", "empirical(", ")");
        for (double v : values) {
            j.add(Params.fmt(v));
        }
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Empirical e && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return spec();
    }
}
