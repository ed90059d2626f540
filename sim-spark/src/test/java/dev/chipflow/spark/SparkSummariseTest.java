package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chipflow.experiment.Observation;
import dev.chipflow.experiment.Paired;
import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ReplicationFold;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.report.ComparisonAnalysis;
import dev.chipflow.report.RunAnalysis;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Moments;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PairedObservation;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyObservation;
import dev.chipflow.supply.SupplyResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkEngine#summarise} gives the local runner's moments bit for bit (both thread counts), whatever the block
 * size, for the observations the CLI's run, compare and sweep use; and the same bits as folding the replications of
 * {@code runTasks} in one place. Replication counts are not powers of two, so the folds' trees have ragged right edges
 * and the blocks cut them at odd places.
 */
class SparkSummariseTest extends OnLocalSpark {

    private static final long SEED = 20260101L;
    /** Blocks of 1, 3 and 7 replications, and the engine's default. */
    private static final List<Integer> BLOCKS = Arrays.asList(1, 3, 7, null);

    /** The local runner on 1 and 2 threads agree; every block size on Spark gives those bits. */
    private static <R> List<Moments> assertSameOnEveryEngine(int replications, List<? extends Replication<R>> models,
            List<? extends Observation<? super R>> observations) {
        List<Moments> one = new ReplicationRunner(1, Progress.NONE).summarise(replications, SEED, models,
                observations);
        List<Moments> two = new ReplicationRunner(2, Progress.NONE).summarise(replications, SEED, models,
                observations);
        assertEquals(one, two, "the local runner on 1 and on 2 threads");
        assertEquals(models.size(), one.size());
        for (Moments m : one) {
            long most = 0;
            for (int slot = 0; slot < m.slots(); slot++) {
                most = Math.max(most, m.count(slot));
            }
            assertEquals(replications, most, "every replication folded");
        }
        for (Integer block : BLOCKS) {
            assertEquals(one, spark.withBlock(block).summarise(replications, SEED, models, observations),
                    "Spark, blocks of " + block);
        }
        return one;
    }

    @Test
    void aRunsMomentsAreTheLocalRunnersWhateverTheBlocks() {
        Scenario s = NamedScenarios.get(NamedScenarios.ORDERS_PLACED);
        SupplyObservation o = RunAnalysis.observation(s);
        List<Replication<SupplyResult>> models = List.of(SupplyModel.replication(s));
        List<Moments> local = assertSameOnEveryEngine(11, models, List.of(o));
        List<SupplyResult> results = spark.withBlock(4).run(11, SEED, models.get(0));
        assertEquals(ReplicationFold.fold(results, o), local.get(0), "a fold of runTasks' results in one place");
        // What the CLI's run builds its report from.
        assertEquals(local.get(0), RunAnalysis.run(spark.withBlock(5), s, 11, SEED).moments());
    }

    @Test
    void aComparisonsPairedMomentsAreTheLocalRunnersWhateverTheBlocks() {
        Scenario a = NamedScenarios.get(NamedScenarios.HISTORICAL);
        Scenario b = NamedScenarios.get(NamedScenarios.PERMITS_JULY);
        PairedObservation o = ComparisonAnalysis.observation(a, b);
        Paired<SupplyResult> pair = new Paired<>(SupplyModel.replication(a), SupplyModel.replication(b));
        List<Moments> local = assertSameOnEveryEngine(10, List.of(pair), List.of(o));
        // The pair's two halves differ (else the differences would be trivially zero), and the difference slots are
        // what only a paired fold can give.
        Moments m = local.get(0);
        assertNotEquals(m.slice(o.aOffset(), o.bOffset()), m.slice(o.bOffset(), o.bOffset() + o.b().size()));
        List<Paired.Results<SupplyResult>> results = spark.withBlock(3).run(10, SEED, pair);
        assertEquals(ReplicationFold.fold(results, o), m, "a fold of runTasks' results in one place");
        // What the CLI's compare builds its report from: each side's moments, and B - A replication by replication.
        ComparisonAnalysis expected = new ComparisonAnalysis(a, b, o, m);
        ComparisonAnalysis onSpark = ComparisonAnalysis.run(spark, a, b, 10, SEED);
        assertEquals(expected.a().moments(), onSpark.a().moments());
        assertEquals(expected.b().moments(), onSpark.b().moments());
        assertEquals(expected.difference(), onSpark.difference());
    }

    @Test
    void aSweepsMomentsAreTheLocalRunnersWhateverTheBlocks() {
        Scenario base = NamedScenarios.get(NamedScenarios.ORDERS_PLACED);
        List<Scenario> points = List.of(Knobs.set(base, "cap.ratio", "0.25"), base,
                NamedScenarios.get("china-permits-2026-07-cap-0.25"));
        List<Replication<SupplyResult>> models = new ArrayList<>();
        List<SupplyObservation> observations = new ArrayList<>();
        for (Scenario s : points) {
            models.add(SupplyModel.replication(s));
            observations.add(RunAnalysis.observation(s));
        }
        List<Moments> local = assertSameOnEveryEngine(13, models, observations);
        assertNotEquals(local.get(0), local.get(1), "the sweep's points differ");
        // What the CLI's sweep builds its report from.
        List<RunAnalysis> onSpark = RunAnalysis.run(spark.withBlock(6), points, 13, SEED);
        for (int k = 0; k < points.size(); k++) {
            assertEquals(local.get(k), onSpark.get(k).moments(), "point " + k);
        }
    }

    @Test
    void progressCountsEveryReplicationOfASummary() {
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Progress p = (done, total) -> {
            assertEquals(2 * 7, total);
            last.set(done);
            calls.incrementAndGet();
        };
        Scenario s = NamedScenarios.get(NamedScenarios.ORDERS_PLACED);
        List<Replication<SupplyResult>> models = List.of(SupplyModel.replication(s),
                SupplyModel.replication(Knobs.set(s, "cap.ratio", "0.25")));
        SupplyObservation o = RunAnalysis.observation(s);
        spark.withProgress(p).withBlock(3).summarise(7, SEED, models, List.of(o, o));
        assertEquals(14, last.get());
        // Blocks of 3, 3 and 1 replications per model: one call per block, as each arrives.
        assertEquals(6, calls.get());
    }
}
