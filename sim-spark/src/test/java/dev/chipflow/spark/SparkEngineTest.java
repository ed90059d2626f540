package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.Comparison;
import dev.chipflow.experiment.Paired;
import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Spark in local mode gives what the local runner gives, whatever the block size (and so the partition count). */
class SparkEngineTest extends OnLocalSpark {

    private static final long SEED = 20260101L;
    private static final int REPLICATIONS = 5;

    /** Three points of a sweep, one of them with a dated change, so the timeline travels too. */
    static List<Replication<SupplyResult>> sweep() {
        Scenario base = NamedScenarios.get("orders-placed");
        List<Replication<SupplyResult>> models = new ArrayList<>();
        models.add(SupplyModel.replication(Knobs.set(base, "cap.ratio", "0.25")));
        models.add(SupplyModel.replication(base));
        models.add(SupplyModel.replication(NamedScenarios.get("china-permits-2026-07-cap-0.25")));
        return models;
    }

    @Test
    void everyBlockSizeGivesTheLocalRunnersResults() {
        List<Replication<SupplyResult>> models = sweep();
        List<List<SupplyResult>> local = new ReplicationRunner(2, Progress.NONE).runTasks(REPLICATIONS, SEED, models);
        // Blocks of 1, 2, 3 and 5 replications: 15, 9, 6 and 3 partitions; null is the default.
        for (Integer block : Arrays.asList(1, 2, 3, 5, null)) {
            Identical.results(local, spark.withBlock(block).runTasks(REPLICATIONS, SEED, models));
        }
    }

    @Test
    void aComparisonOnSparkIsTheLocalComparison() {
        Scenario a = NamedScenarios.get("historical-2026");
        Scenario b = NamedScenarios.get("china-permits-2026-07");
        var local = Comparison.run(new ReplicationRunner(2, Progress.NONE), 3, SEED, SupplyModel.replication(a),
                SupplyModel.replication(b));
        var onSpark = Comparison.run(spark.withBlock(2), 3, SEED, SupplyModel.replication(a),
                SupplyModel.replication(b));
        Identical.results(List.of(local.a(), local.b()), List.of(onSpark.a(), onSpark.b()));
        assertEquals(local.difference(), onSpark.difference());
    }

    @Test
    void aPairedModelsResultsAreTheLocalRunnersWhateverTheBlocks() {
        Paired<SupplyResult> pair = new Paired<>(SupplyModel.replication(NamedScenarios.get("historical-2026")),
                SupplyModel.replication(NamedScenarios.get("china-permits-2026-07")));
        List<Paired.Results<SupplyResult>> local = new ReplicationRunner(2, Progress.NONE).run(3, SEED, pair);
        for (Integer block : Arrays.asList(1, 2, null)) {
            List<Paired.Results<SupplyResult>> onSpark = spark.withBlock(block).run(3, SEED, pair);
            Identical.results(local.stream().map(Paired.Results::a).toList(),
                    onSpark.stream().map(Paired.Results::a).toList(), "a, blocks of " + block);
            Identical.results(local.stream().map(Paired.Results::b).toList(),
                    onSpark.stream().map(Paired.Results::b).toList(), "b, blocks of " + block);
        }
    }

    @Test
    void aSerializableModelOfAnotherResultTypeTravelsAsItIs() {
        Replication<Double> uniform = (Replication<Double> & Serializable) streams ->
                streams.stream("u").nextDouble();
        List<List<Double>> local = new ReplicationRunner(1, Progress.NONE).runTasks(7, SEED, List.of(uniform));
        assertEquals(local, spark.withBlock(3).runTasks(7, SEED, List.of(uniform)));
    }

    @Test
    void aModelThatCannotTravelIsRefusedInOneLine() {
        Object notSerializable = new Object();
        Replication<Integer> lambda = streams -> notSerializable.hashCode();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.run(2, SEED, lambda));
        assertTrue(e.getMessage().contains("SupplyModel.replication"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void progressCountsEveryReplicationOnTheDriver() {
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Progress p = (done, total) -> {
            assertEquals(6, total);
            last.set(done);
            calls.incrementAndGet();
        };
        List<List<SupplyResult>> r = spark.withProgress(p).withBlock(4).runTasks(3, SEED, sweep().subList(0, 2));
        assertEquals(2, r.size());
        assertEquals(6, last.get());
        // Blocks of 3 replications: one call per block, as each arrives.
        assertEquals(2, calls.get());
    }

    @Test
    void defaultBlocksMakeAboutTwoTasksPerCoreWithinAModel() {
        // By hand: tasks = 2 x parallelism, block = ceil(replications x models / tasks), within [1, replications].
        // 20 x 1 over 4 tasks: 5. 20 x 11 over 4 tasks: 55, capped at a model's 20. 1 x 1 over 128 tasks: 1.
        // 3 x 1 over 16 tasks: ceil(3/16) = 1.
        assertEquals(5, SparkEngine.defaultBlock(20, 1, 2));
        assertEquals(20, SparkEngine.defaultBlock(20, 11, 2));
        assertEquals(1, SparkEngine.defaultBlock(1, 1, 64));
        assertEquals(1, SparkEngine.defaultBlock(3, 1, 8));
    }
}
