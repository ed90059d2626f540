package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;

/**
 * The normal distribution with mean {@code mu} and standard deviation {@code sigma}, truncated to [0, &infin;): a
 * duration is never negative, so the distribution is the normal conditioned on a non-negative value (not clamped at
 * 0). Sampled by Commons Statistics' {@link TruncatedNormalDistribution}.
 *
 * <p>{@link #mean()} and {@link #variance()} are those of the truncated distribution; they equal {@code mu} and
 * {@code sigma^2} to within a relative 1e-6 once {@code mu >= 5 sigma}.
 *
 * @param mu    the mean of the normal before truncation, finite and non-negative
 * @param sigma the standard deviation of the normal before truncation, positive
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Normal(double mu, double sigma) implements Distribution {
    /**
     * Validates the parameters.
     *
     * @param mu the mean of the normal before truncation, finite and non-negative
     * @param sigma the standard deviation of the normal before truncation, positive
     */
    public Normal {
        Params.require("normal mean", mu, 0);
        Params.require("normal sd", sigma, Double.MIN_VALUE);
    }

    private TruncatedNormalDistribution distribution() {
        return TruncatedNormalDistribution.of(mu, sigma, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * Draws {@code mu + sigma z} with {@code z} from the standard normal truncated to {@code [-mu / sigma, inf)}
     * (Commons Statistics' sampler). Commons Statistics 1.1's sampler of the unstandardised truncated normal picks
     * its method from the sign of the raw bounds but applies it to the standardised ones: for N(10, 2) on
     * [0, inf) it draws 10 + 2|z|, mean 11.6 instead of 10 ({@code DistributionSamplingTest} caught it); on the
     * standard normal the raw and standardised bounds are the same, so its choice is right.
     */
    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        double m = mu;
        double s = sigma;
        ContinuousDistribution.Sampler z = TruncatedNormalDistribution.of(0, 1, -m / s, Double.POSITIVE_INFINITY)
                .createSampler(rng);
        // max(0, .): only rounding could take mu + sigma * (-mu / sigma) below 0.
        return () -> Math.max(0, m + s * z.sample());
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
        return "normal(" + Params.fmt(mu) + "," + Params.fmt(sigma) + ")";
    }
}
