package dev.chipflow.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;

/**
 * Yes/no trials with success probability {@code p}: a binomial of one trial from Commons Statistics, bound to a
 * stream.
 */
public final class Bernoulli {

    private final DiscreteDistribution.Sampler sampler;

    /**
     * @param p   the success probability in [0, 1]
     * @param rng the stream to draw from
     */
    public Bernoulli(double p, UniformRandomProvider rng) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        this.sampler = BinomialDistribution.of(1, p).createSampler(rng);
    }

    /** @return true with probability p */
    public boolean trial() {
        return sampler.sample() == 1;
    }
}
