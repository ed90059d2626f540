package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The Erlang distribution: the sum of {@code k} independent exponential phases, each with mean {@code mean / k}; a
 * gamma of whole shape {@code k}, sampled by Commons RNG's Marsaglia-Tsang gamma sampler. Its coefficient of
 * variation is {@code 1 / sqrt(k)}.
 *
 * @param k    the number of phases, at least 1
 * @param mean the mean of the whole, finite and positive
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Erlang(int k, double mean) implements Distribution {
    /**
     * Validates the parameters.
     *
     * @param k the number of phases, at least 1
     * @param mean the mean of the whole, finite and positive
     */
    public Erlang {
        if (k < 1) {
            throw new IllegalArgumentException("erlang k must be a whole number >= 1, was " + k);
        }
        Params.require("erlang mean", mean, Double.MIN_VALUE);
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(rng, k, mean / k);
    }

    @Override
    public double variance() {
        return mean * mean / k;
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
        return "erlang(" + k + "," + Params.fmt(mean) + ")";
    }
}
