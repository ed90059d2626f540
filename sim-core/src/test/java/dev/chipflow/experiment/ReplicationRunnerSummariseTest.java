package dev.chipflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chipflow.random.RandomStreams;
import dev.chipflow.stats.Moments;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ReplicationRunner#summarise}: the same bits as folding {@link ReplicationRunner#runTasks}' results in
 * replication order, whatever the thread count (and so the blocks), for one model or several on common random
 * numbers; the first failure in replication order; and memory that does not grow with the replications.
 */
class ReplicationRunnerSummariseTest {

    private static final long SEED = 20260403L;

    /** A cheap model: four draws from its own stream, the last one missing (NaN) about one time in eight. */
    private static final Replication<double[]> DRAWS = streams -> {
        UniformRandomProvider u = streams.stream("draws");
        double a = u.nextDouble();
        double b = 1000 + 50 * (u.nextDouble() - 0.5);
        double c = Math.exp(8 * u.nextDouble());
        double d = u.nextInt(8) == 0 ? Double.NaN : u.nextDouble() - a;
        return new double[] {a, b, c, d};
    };

    /** Another model on the same stream: a function of the same draws, 2a + 1 and b - a. */
    private static final Replication<double[]> TRANSFORMED = streams -> {
        double[] x = DRAWS.run(streams);
        return new double[] {2 * x[0] + 1, x[1] - x[0]};
    };

    /** Keeps a model's draws as they are. */
    record Copy(int size) implements Observation<double[]> {
        @Override
        public void observe(double[] result, double[] values) {
            System.arraycopy(result, 0, values, 0, size);
        }
    }

    @Test
    void equalsTheFoldOfRunTasksInOrderForOneTwoAndThreeThreads() {
        for (int n : new int[] {1, 2, 7, 100, 1000, 1537}) {
            List<double[]> results = new ReplicationRunner(2, Progress.NONE).run(n, SEED, DRAWS);
            Moments expected = ReplicationFold.fold(results, new Copy(4));
            for (int threads = 1; threads <= 3; threads++) {
                Moments got = new ReplicationRunner(threads, Progress.NONE)
                        .summarise(n, SEED, List.of(DRAWS), List.of(new Copy(4))).get(0);
                assertEquals(expected, got, n + " replications on " + threads + " threads");
            }
            assertEquals(n, expected.count(0));
            assertTrue(n < 100 || expected.count(3) < n, "the last slot misses some values");
        }
        // The seed matters.
        assertNotEquals(new ReplicationRunner(1, Progress.NONE).summarise(100, SEED, List.of(DRAWS),
                List.of(new Copy(4))), new ReplicationRunner(1, Progress.NONE).summarise(100, SEED + 1,
                List.of(DRAWS), List.of(new Copy(4))));
    }

    /**
     * Three models at once, the first and third the same: each model's moments are those of its own results in
     * order, the first and third equal to the bit, and the second's are what the first's draws give through its
     * function, replication by replication (the same streams per index), checked against a fold computed here from
     * {@link RandomStreams#forReplication} directly.
     */
    @Test
    void severalModelsShareTheStreamsOfEachIndex() {
        int n = 777;
        List<Replication<double[]>> models = List.of(DRAWS, TRANSFORMED, DRAWS);
        List<Copy> observations = List.of(new Copy(4), new Copy(2), new Copy(4));
        List<List<double[]>> results = new ReplicationRunner(2, Progress.NONE).runTasks(n, SEED, models);

        ReplicationFold direct = new ReplicationFold(n);
        for (int i = 0; i < n; i++) {
            double[] x = DRAWS.run(RandomStreams.forReplication(SEED, i));
            direct.add(i, new double[] {2 * x[0] + 1, x[1] - x[0]});
        }
        for (int threads = 1; threads <= 3; threads++) {
            List<Moments> got = new ReplicationRunner(threads, Progress.NONE).summarise(n, SEED, models,
                    observations);
            assertEquals(3, got.size());
            for (int k = 0; k < 3; k++) {
                assertEquals(ReplicationFold.fold(results.get(k), observations.get(k)), got.get(k),
                        "model " + k + " on " + threads + " threads");
            }
            assertEquals(got.get(0), got.get(2), "the same model on the same streams");
            assertEquals(direct.result(), got.get(1));
            // And, up to rounding, the second model's means follow from the first's.
            assertEquals(2 * got.get(0).mean(0) + 1, got.get(1).mean(0), 1e-12);
            assertEquals(got.get(0).mean(1) - got.get(0).mean(0), got.get(1).mean(1), 1e-9);
        }
    }

    /**
     * Replications 5 and 9 throw. On two and three threads replication 5 waits until 9 has thrown, so the failure
     * that happens first in time is 9's; the runner still throws 5's, the first in replication order.
     */
    @Test
    void theFirstFailureInReplicationOrderIsThrown() throws InterruptedException {
        long five = RandomStreams.forReplication(SEED, 5).seed();
        long nine = RandomStreams.forReplication(SEED, 9).seed();
        for (int threads = 1; threads <= 3; threads++) {
            IllegalStateException boom5 = new IllegalStateException("replication 5");
            IllegalArgumentException boom9 = new IllegalArgumentException("replication 9");
            CountDownLatch nineThrew = new CountDownLatch(1);
            AtomicBoolean nineFirst = new AtomicBoolean();
            boolean wait = threads > 1;
            Replication<double[]> model = streams -> {
                if (streams.seed() == five) {
                    if (wait) {
                        try {
                            nineFirst.set(nineThrew.await(10, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    throw boom5;
                }
                if (streams.seed() == nine) {
                    nineThrew.countDown();
                    throw boom9;
                }
                return DRAWS.run(streams);
            };
            ReplicationRunner runner = new ReplicationRunner(threads, Progress.NONE);
            RuntimeException thrown = assertThrows(RuntimeException.class,
                    () -> runner.summarise(20, SEED, List.of(model), List.of(new Copy(4))));
            assertSame(boom5, thrown, threads + " threads");
            if (wait) {
                assertTrue(nineFirst.get(), "replication 9 failed before 5 on " + threads + " threads");
            }
        }
    }

    @Test
    void progressHearsOfEveryReplicationOfEveryModel() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        Set<Integer> totals = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        new ReplicationRunner(3, (d, total) -> {
            done.add(d);
            totals.add(total);
            calls.incrementAndGet();
        }).summarise(50, SEED, List.of(DRAWS, TRANSFORMED), List.of(new Copy(4), new Copy(2)));
        assertEquals(Set.of(100), totals);
        assertEquals(100, calls.get());
        assertEquals(100, done.size());
        assertTrue(done.contains(100));
    }

    @Test
    void badArgumentsAreRefused() {
        ReplicationRunner runner = new ReplicationRunner(2, Progress.NONE);
        assertThrows(IllegalArgumentException.class,
                () -> runner.summarise(0, SEED, List.of(DRAWS), List.of(new Copy(4))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner.summarise(5, SEED, List.of(DRAWS, DRAWS), List.of(new Copy(4))));
        assertTrue(e.getMessage().contains("2 models but 1 observations"), e.getMessage());
    }

    /**
     * Replication i's observation is i + s in slot s: the runner identifies i from the
     * replication's seed (a table of the seeds of all the replications, sorted), so the values are a function of
     * the index whatever thread runs it. Over 0 .. n-1 the mean of slot s is (n - 1)/2 + s and the sd is that of
     * 0 .. n-1, sqrt(n (n + 1) / 12), exactly.
     */
    record IndexPlusSlot(int size, long[] sortedSeeds, int[] indexOfSorted) implements Observation<Long> {
        @Override
        public void observe(Long seed, double[] values) {
            int i = indexOfSorted[Arrays.binarySearch(sortedSeeds, seed)];
            for (int s = 0; s < size; s++) {
                values[s] = i + s;
            }
        }
    }

    /**
     * A million replications of 1,100 values each: kept, the observations alone would take 8.8 GB, more than twice
     * the test JVM's heap (surefire runs it with -Xmx4g: 2 x 4 GiB = 8.6 GB), so the run completes only if the runner
     * folds as it goes. (1,100 slots rather than 2,000 keep it under ten seconds on two cores; the assumptions below
     * skip the test on a heap large enough to hold them.)
     */
    @Test
    @Timeout(120)
    void aMillionReplicationsOfManySlotsFitInTheHeap() {
        int n = 1_000_000;
        int slots = 1_100;
        long heap = Runtime.getRuntime().maxMemory();
        assumeTrue(heap < 16e9, "a heap of " + heap + " bytes: not the bounded heap this test is for");
        assumeTrue((double) n * slots * Double.BYTES > 2.0 * heap, "the observations would fit twice in the heap");

        long[] seeds = new long[n];
        IntStream.range(0, n).parallel().forEach(i -> seeds[i] = RandomStreams.forReplication(SEED, i).seed());
        long[] sorted = seeds.clone();
        Arrays.sort(sorted);
        int[] indexOfSorted = new int[n];
        for (int i = 0; i < n; i++) {
            int at = Arrays.binarySearch(sorted, seeds[i]);
            indexOfSorted[at] = i;
        }
        for (int k = 1; k < n; k++) {
            assertTrue(sorted[k - 1] < sorted[k], "replication seeds are distinct");
        }

        Replication<Long> seedOf = RandomStreams::seed;
        Moments m = new ReplicationRunner(2, Progress.NONE).summarise(n, SEED, List.of(seedOf),
                List.of(new IndexPlusSlot(slots, sorted, indexOfSorted))).get(0);

        assertEquals(slots, m.slots());
        double sd = Math.sqrt(n * (n + 1.0) / 12);
        for (int s = 0; s < slots; s++) {
            double mean = (n - 1) / 2.0 + s;
            assertEquals(n, m.count(s));
            assertEquals(mean, m.mean(s), 1e-9 * mean, "slot " + s);
            assertEquals(sd, m.sd(s), 1e-9 * sd, "slot " + s);
        }
    }
}
