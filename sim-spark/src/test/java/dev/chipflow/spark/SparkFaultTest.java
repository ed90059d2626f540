package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.supply.InvalidKnobException;
import dev.chipflow.supply.SupplyResult;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;

/**
 * Faults: a task that fails once is retried and changes nothing; a model that throws is one line, thrown as the local
 * runner throws it, and is not retried (it would fail again).
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
}
