package dev.chipflow.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.engine.EventList;
import dev.chipflow.engine.HeapEventList;
import dev.chipflow.engine.LadderEventList;
import dev.chipflow.random.RandomStreams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks compare like with like: every implementation, fed the same initial times and increments, removes
 * the same sequence of times. Also a differential replay of {@link LadderEventList} against {@link HeapEventList}
 * with ties, removals and clears, and a check that {@link ResultsTable} reads JMH's JSON.
 */
class EventListImplTest {

    private static final int N = 2000;
    private static final int OPS = 30_000;

    private static double[] holds(EventListImpl impl, boolean cancel) {
        double[] initial = HoldBenchmark.exponentials(N, "test.initial");
        double[] inc = HoldBenchmark.exponentials(OPS, "test.increments");
        UniformRandomProvider rng = RandomStreams.of(7).stream("test.victims");
        HoldModel m = impl.create(initial);
        double[] popped = new double[OPS];
        double now = 0;
        for (int i = 0; i < OPS; i++) {
            if (cancel && i % 8 == 7) {
                m.reschedule(rng.nextInt(N), now + inc[i]);
                popped[i] = Double.NaN;
            } else {
                now = m.hold(inc[i]);
                popped[i] = now;
            }
        }
        return popped;
    }

    @Test
    void everyImplementationRemovesTheSameTimesInTheHoldModel() {
        double[] expected = holds(EventListImpl.REFERENCE, false);
        for (EventListImpl impl : EventListImpl.values()) {
            assertArrayEquals(expected, holds(impl, false), impl.name());
        }
    }

    @Test
    void everyCancellingImplementationRemovesTheSameTimes() {
        double[] expected = holds(EventListImpl.PRIORITY_QUEUE, true);
        for (EventListImpl impl : EventListImpl.values()) {
            if (impl != EventListImpl.REFERENCE) {
                assertArrayEquals(expected, holds(impl, true), impl.name());
            }
        }
    }

    @Test
    void ladderAgreesWithTheHeapThroughTiesRemovalsAndClears() {
        UniformRandomProvider rng = RandomStreams.of(20260401L).stream("ladder.replay");
        EventList heap = new HeapEventList(1);
        EventList ladder = new LadderEventList(1);
        double now = 0;
        for (int step = 0; step < 300_000; step++) {
            boolean growing = (step / 30_000) % 2 == 0;
            int r = rng.nextInt(1000);
            int id = rng.nextInt(5000);
            if (r < (growing ? 600 : 300)) {
                if (!heap.contains(id)) {
                    // Half the times tie on a grid of whole days; the rest are spread, some far out.
                    double t = rng.nextBoolean() ? Math.floor(now) + rng.nextInt(10)
                            : now + (rng.nextInt(50) == 0 ? 1e6 * rng.nextDouble() : 20 * rng.nextDouble());
                    heap.insert(id, t);
                    ladder.insert(id, t);
                }
            } else if (r < 800) {
                if (heap.size() > 0) {
                    assertEquals(heap.firstTime(), ladder.firstTime(), "first time at step " + step);
                    now = heap.firstTime();
                    assertEquals(heap.pollFirst(), ladder.pollFirst(), "poll at step " + step);
                }
            } else if (r < 999) {
                assertEquals(heap.remove(id), ladder.remove(id), "remove at step " + step);
            } else {
                heap.clear();
                ladder.clear();
            }
            assertEquals(heap.size(), ladder.size(), "size at step " + step);
            assertEquals(heap.contains(id), ladder.contains(id), "contains at step " + step);
        }
        while (heap.size() > 0) {
            assertEquals(heap.firstTime(), ladder.firstTime());
            assertEquals(heap.pollFirst(), ladder.pollFirst());
        }
        assertEquals(0, ladder.size());
    }

    @Test
    void ladderFollowsAPopulationThatGrowsAThousandfold() {
        // From one event to 200,000: a heap, a small rung, rungs rebuilt as the population outgrows them, then
        // drained to empty.
        UniformRandomProvider rng = RandomStreams.of(20260402L).stream("ladder.growth");
        EventList heap = new HeapEventList();
        EventList ladder = new LadderEventList();
        int nextId = 0;
        heap.insert(nextId, 0);
        ladder.insert(nextId++, 0);
        while (heap.size() > 0) {
            assertEquals(heap.firstTime(), ladder.firstTime());
            double now = heap.firstTime();
            int id = heap.pollFirst();
            assertEquals(id, ladder.pollFirst());
            int children = nextId < 200_000 ? 2 : 0;
            for (int c = 0; c < children; c++) {
                double t = now + (rng.nextInt(4) == 0 ? Math.floor(rng.nextDouble() * 5) : 100 * rng.nextDouble());
                heap.insert(nextId, t);
                ladder.insert(nextId++, t);
            }
            assertEquals(heap.size(), ladder.size());
        }
    }

    @Test
    void resultsTableReadsJmhJson(@TempDir Path dir) throws IOException {
        String row = """
                {"benchmark": "dev.chipflow.bench.HoldBenchmark.hold", "mode": "avgt",
                 "params": {"impl": "%s", "n": "1000"},
                 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ns/op"},
                 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 0.0, "scoreUnit": "B/op"}}}""";
        Path json = dir.resolve("hold.json");
        Files.writeString(json, "[" + row.formatted("CHIPFLOW", "50.0") + "," + row.formatted("REFERENCE", "40.0")
                + "]");
        Path md = dir.resolve("RESULTS.md");
        ResultsTable.main(new String[] {md.toString(), json.toString()});
        String text = Files.readString(md);
        assertTrue(text.contains("| CHIPFLOW | 50.0 (1.25) |"), text);
        assertTrue(text.contains("| CHIPFLOW / REFERENCE at n = 1000 <= 1.25 | 1.25 | met |"), text);
    }
}
