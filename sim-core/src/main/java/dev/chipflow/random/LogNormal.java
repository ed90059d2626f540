package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

/**
 * The log-normal distribution given by its own mean and standard deviation (not those of its logarithm), which is how
 * a delay's uncertainty is usually stated. Sampled by Commons Statistics.
 *
 * @param mean the mean, positive
 * @param sd   the standard deviation, positive
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record LogNormal(double mean, double sd) implements Distribution {
    /**
     * Validates the parameters.
     *
     * @param mean the mean, positive
     * @param sd the standard deviation, positive
     */
    public LogNormal {
        Params.require("lognormal mean", mean, Double.MIN_VALUE);
        Params.require("lognormal sd", sd, Double.MIN_VALUE);
    }

    /** @return sigma^2 of the underlying normal */
    private double sigma2() {
        return Math.log1p((sd * sd) / (mean * mean));
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        double s2 = sigma2();
        double mu = Math.log(mean) - 0.5 * s2;
        return LogNormalDistribution.of(mu, Math.sqrt(s2)).createSampler(rng)::sample;
    }

    @Override
    public double variance() {
        return sd * sd;
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
        return "lognormal(" + Params.fmt(mean) + "," + Params.fmt(sd) + ")";
    }
}
