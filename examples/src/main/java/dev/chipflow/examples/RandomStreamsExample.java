package dev.chipflow.examples;

import dev.chipflow.random.Distribution;
import dev.chipflow.random.RandomStreams;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

public final class RandomStreamsExample {
    public static void main(String[] args) {
        RandomStreams streams = RandomStreams.of(42);
        ContinuousSampler review = Distribution.parse("tri(30,60,90)").sampler(streams.stream("licence.review"));
        System.out.printf("a licence review takes %.1f days%n", review.sample());

        Distribution transit = Distribution.parse("weibull(1.5,6)");   // also normal, erlang, pareto, ...
        System.out.printf("%s: mean %.2f, variance %.2f%n", transit.spec(), transit.mean(), transit.variance());
    }
}
