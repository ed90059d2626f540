package dev.chipflow.experiment;

import dev.chipflow.stats.Moments;
import java.util.List;

/**
 * Where an experiment's replications run: the threads of this JVM ({@link ReplicationRunner}) or elsewhere (the
 * {@code sim-spark} module runs them on Apache Spark). Comparisons, sweeps and any other experiment take an engine, so
 * that they run unchanged on every one.
 *
 * <p>The contract every engine keeps, so that results never depend on where or how widely they ran: replication
 * {@code i} of every model gets {@link dev.chipflow.random.RandomStreams#forReplication(long, int)} of (seed, i) and
 * its result lands at index {@code i}; a replication that throws makes {@link #runTasks} throw that exception. An
 * engine that holds resources (a Spark context) releases them in {@link #close()}.
 */
public interface ExperimentEngine extends AutoCloseable {

    /**
     * Runs {@code replications} replications of each model with the same streams per replication index (common
     * random numbers).
     *
     * @param <R>          the result of one replication
     * @param replications replications per model, at least 1
     * @param seed         the master seed
     * @param models       the models, in order
     * @return per model, results in replication order
     */
    <R> List<List<R>> runTasks(int replications, long seed, List<? extends Replication<R>> models);

    /**
     * Runs {@code replications} replications of one model.
     *
     * @param <R>          the result of one replication
     * @param replications replications, at least 1
     * @param seed         the master seed
     * @param model        the model
     * @return results in replication order
     */
    default <R> List<R> run(int replications, long seed, Replication<R> model) {
        return runTasks(replications, seed, List.of(model)).get(0);
    }

    /**
     * Runs {@code replications} replications of each model (common random numbers, as {@link #runTasks}) and keeps of
     * each only its observation, folded into moments in the order of a {@link ReplicationFold}: the memory held does
     * not grow with the replications, and the moments are the same bits on every engine and block size.
     *
     * @param <R>          the result of one replication
     * @param replications replications per model, at least 1
     * @param seed         the master seed
     * @param models       the models, in order
     * @param observations what to keep of each model's results, one per model
     * @return per model, the moments of its observations over all replications
     */
    <R> List<Moments> summarise(int replications, long seed, List<? extends Replication<R>> models,
            List<? extends Observation<? super R>> observations);

    /**
     * The arguments every engine's {@link #summarise} refuses.
     *
     * @param replications replications per model
     * @param models       the number of models
     * @param observations the number of observations
     * @throws IllegalArgumentException if there are no replications or not one observation per model
     */
    static void checkSummarise(int replications, int models, int observations) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        if (observations != models) {
            throw new IllegalArgumentException(models + " models but " + observations + " observations");
        }
    }

    /** Releases what the engine holds; the local runner holds nothing between calls. */
    @Override
    default void close() {
    }
}
