package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.Observation;
import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.report.RunAnalysis;
import dev.chipflow.stats.Moments;
import dev.chipflow.supply.InvalidKnobException;
import dev.chipflow.supply.ScenarioReplication;
import dev.chipflow.supply.SupplyObservation;
import dev.chipflow.supply.SupplyResult;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;

/**
 * Faults, of {@code runTasks} and of {@code summarise} alike: a task that fails once is retried and changes nothing; a
 * model that throws is one line, thrown as the local runner throws it (the first in (model, replication) order when
 * several throw), and is not retried (it would fail again).
 */
class SparkFaultTest {

    private static final long SEED = 7L;

    /** Counts the tasks that failed. */
    private static final class FailedTasks extends SparkListener {
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (!end.taskInfo().successful()) {
                failed.incrementAndGet();
            }
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheResultsAreUnchanged() {
        List<Replication<SupplyResult>> models = SparkEngineTest.sweep();
        List<List<SupplyResult>> local = new ReplicationRunner(2, Progress.NONE).runTasks(4, SEED, models);
        FailedTasks listener = new FailedTasks();
        // local[2,3]: two threads, a task tried up to 3 times (local mode otherwise never retries).
        try (SparkEngine spark = SparkEngine.builder().master("local[2,3]").block(2).failFirstAttemptOf(1).start()) {
            spark.context().sc().addSparkListener(listener);
            Identical.results(local, spark.runTasks(4, SEED, models));
        }
        assertEquals(1, listener.failed.get(), "the injected fault failed one attempt");
    }

    @Test
    void withoutRetriesTheFailedJobIsOneLine() {
        try (SparkEngine spark = SparkEngine.builder().master("local[2]").block(1).failFirstAttemptOf(0).start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> spark.runTasks(2, SEED, SparkEngineTest.sweep().subList(0, 1)));
            assertTrue(e.getMessage().startsWith("the Spark job failed: "), e.getMessage());
            assertTrue(e.getMessage().contains("fault injected"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aScenarioErrorIsThrownAsTheLocalRunnerThrowsItAndNotRetried() {
        Replication<Double> fine = (Replication<Double> & Serializable) streams -> 1.0;
        Replication<Double> broken = (Replication<Double> & Serializable) streams -> {
            throw new InvalidKnobException("cap.ratio", "-1", "a number from 0 to 1, or unlimited");
        };
        List<Replication<Double>> models = List.of(fine, broken);
        InvalidKnobException local = assertThrows(InvalidKnobException.class,
                () -> new ReplicationRunner(2, Progress.NONE).runTasks(3, SEED, models));
        FailedTasks listener = new FailedTasks();
        try (SparkEngine spark = SparkEngine.builder().master("local[2,3]").block(1).start()) {
            spark.context().sc().addSparkListener(listener);
            InvalidKnobException onSpark = assertThrows(InvalidKnobException.class,
                    () -> spark.runTasks(3, SEED, models));
            assertEquals(local.getMessage(), onSpark.getMessage());
            assertFalse(onSpark.getMessage().contains("\n"));
            assertFalse(onSpark.getMessage().contains("Spark"));
        }
        assertEquals(0, listener.failed.get(), "a model's own exception is an answer, not a failed task");
    }

    /** The sweep's observations, as the CLI's sweep keeps them. */
    private static List<SupplyObservation> observations(List<Replication<SupplyResult>> models) {
        return models.stream().map(m -> RunAnalysis.observation(((ScenarioReplication) m).scenario())).toList();
    }

    @Test
    void aSummaryTaskThatFailsOnceIsRetriedAndTheMomentsAreUnchanged() {
        List<Replication<SupplyResult>> models = SparkEngineTest.sweep();
        List<SupplyObservation> observations = observations(models);
        List<Moments> local = new ReplicationRunner(2, Progress.NONE).summarise(5, SEED, models, observations);
        FailedTasks listener = new FailedTasks();
        // Blocks of 2: partitions 0-2 are the first model's; partition 2 is its last block, of one replication.
        try (SparkEngine spark = SparkEngine.builder().master("local[2,3]").block(2).failFirstAttemptOf(2).start()) {
            spark.context().sc().addSparkListener(listener);
            assertEquals(local, spark.summarise(5, SEED, models, observations));
        }
        assertEquals(1, listener.failed.get(), "the injected fault failed one attempt");
    }

    @Test
    void withoutRetriesTheFailedSummaryIsOneLine() {
        List<Replication<SupplyResult>> models = SparkEngineTest.sweep().subList(0, 1);
        try (SparkEngine spark = SparkEngine.builder().master("local[2]").block(1).failFirstAttemptOf(0).start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> spark.summarise(2, SEED, models, observations(models)));
            assertTrue(e.getMessage().startsWith("the Spark job failed: "), e.getMessage());
            assertTrue(e.getMessage().contains("fault injected"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    /**
     * A model that throws at the given replications (known by their streams' seed) and is otherwise the uniform its
     * streams' seed makes.
     *
     * @param name  the model's name, for the message
     * @param seeds the seeds of the replications at which it throws
     * @param at    those replications' indices, for the message
     */
    record ThrowsAt(String name, long[] seeds, int[] at) implements Replication<Double>, Serializable {
        private static final long serialVersionUID = 1L;

        static ThrowsAt of(String name, int... at) {
            long[] seeds = Arrays.stream(at).mapToLong(i -> RandomStreams.forReplication(SEED, i).seed()).toArray();
            return new ThrowsAt(name, seeds, at);
        }

        @Override
        public Double run(RandomStreams streams) {
            for (int k = 0; k < seeds.length; k++) {
                if (streams.seed() == seeds[k]) {
                    throw new IllegalArgumentException(name + " threw at replication " + at[k]);
                }
            }
            return (streams.seed() >>> 11) * 0x1.0p-53;
        }
    }

    /** A replication's one value. */
    record Value() implements Observation<Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public int size() {
            return 1;
        }

        @Override
        public void observe(Double result, double[] values) {
            values[0] = result;
        }
    }

    @Test
    void aModelThatThrowsInASummaryIsThrownAsTheLocalRunnerThrowsItAndNotRetried() {
        int n = 10;
        List<Value> two = List.of(new Value(), new Value());
        // Within a model, the earlier replication's exception; across models, the earlier model's, though the later
        // model throws at an earlier replication.
        List<List<ThrowsAt>> cases = List.of(
                List.of(ThrowsAt.of("fine"), ThrowsAt.of("second", 8, 3)),
                List.of(ThrowsAt.of("first", 8), ThrowsAt.of("second", 2)));
        List<String> expected = List.of("second threw at replication 3", "first threw at replication 8");
        FailedTasks listener = new FailedTasks();
        try (SparkEngine spark = SparkEngine.builder().master("local[2,3]").start()) {
            spark.context().sc().addSparkListener(listener);
            for (int c = 0; c < cases.size(); c++) {
                List<ThrowsAt> models = cases.get(c);
                IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
                        () -> new ReplicationRunner(2, Progress.NONE).summarise(n, SEED, models, two));
                assertEquals(expected.get(c), local.getMessage());
                for (Integer block : Arrays.asList(1, 3, 4, null)) {
                    IllegalArgumentException onSpark = assertThrows(IllegalArgumentException.class,
                            () -> spark.withBlock(block).summarise(n, SEED, models, two));
                    assertEquals(expected.get(c), onSpark.getMessage(), "blocks of " + block);
                    assertEquals(IllegalArgumentException.class, onSpark.getClass());
                    assertFalse(onSpark.getMessage().contains("Spark"));
                }
            }
            // The engine is still good for the next experiment, and agrees with the local runner.
            List<ThrowsAt> fine = List.of(ThrowsAt.of("fine"));
            assertEquals(new ReplicationRunner(1, Progress.NONE).summarise(n, SEED, fine, List.of(new Value())),
                    spark.withBlock(3).summarise(n, SEED, fine, List.of(new Value())));
        }
        assertEquals(0, listener.failed.get(), "a model's own exception is an answer, not a failed task");
    }
}
