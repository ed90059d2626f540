package dev.chipflow.experiment;

import dev.chipflow.random.RandomStreams;

/**
 * Two models run on the same streams in one replication, so that what is kept of them can be their difference
 * replication by replication (common random numbers), not only their separate means.
 *
 * @param <R> the result of one replication of either model
 * @param a   the first model
 * @param b   the second model
 */
public record Paired<R>(Replication<R> a, Replication<R> b) implements Replication<Paired.Results<R>> {

    /**
     * Both models' results of one replication.
     *
     * @param <R> the result type
     * @param a   the first model's
     * @param b   the second model's
     */
    public record Results<R>(R a, R b) {
    }

    /** Each model gets its own fresh copy of the replication's streams. */
    @Override
    public Results<R> run(RandomStreams streams) {
        return new Results<>(a.run(RandomStreams.of(streams.seed())), b.run(RandomStreams.of(streams.seed())));
    }
}
