package dev.chipflow.experiment;

import dev.chipflow.random.RandomStreams;

/**
 * One replication of a model: a pure function of its random streams.
 *
 * @param <R> the replication's result
 */
@FunctionalInterface
public interface Replication<R> {
    /**
     * @param streams the replication's own streams, derived from (master seed, replication index)
     * @return the result
     */
    R run(RandomStreams streams);
}
