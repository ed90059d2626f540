package dev.chipflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.queueing.MMcQueue;
import dev.chipflow.random.RandomStreams;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Results depend on (seed, replication index) only: never on the thread count or on scheduling. */
class ReplicationRunnerTest {

    private static final int REPLICATIONS = 12;
    private static final long SEED = 20260301L;

    /** A short M/M/2 run: long enough to draw thousands of numbers, short enough to repeat freely. */
    private static final Replication<MMcQueue.Result> MODEL =
            streams -> MMcQueue.run(1.5, 1.0, 2, 50, 1_000, streams);

    @Test
    void oneThreadAndFourThreadsGiveIdenticalResultsAndSummaries() {
        List<MMcQueue.Result> serial = new ReplicationRunner(1, Progress.NONE).run(REPLICATIONS, SEED, MODEL);
        List<MMcQueue.Result> parallel = new ReplicationRunner(4, Progress.NONE).run(REPLICATIONS, SEED, MODEL);

        assertEquals(serial, parallel);
        assertEquals(SummaryTable.of(serial), SummaryTable.of(parallel));
    }

    @Test
    void theSameSeedTwiceGivesIdenticalResults() {
        ReplicationRunner runner = new ReplicationRunner(3, Progress.NONE);
        List<MMcQueue.Result> first = runner.run(REPLICATIONS, SEED, MODEL);
        List<MMcQueue.Result> second = runner.run(REPLICATIONS, SEED, MODEL);
        assertEquals(first, second);
        assertNotEquals(first, runner.run(REPLICATIONS, SEED + 1, MODEL), "another seed, other results");
    }

    @Test
    void replicationIGetsTheStreamsOfReplicationIAndLandsAtIndexI() {
        List<MMcQueue.Result> results = new ReplicationRunner(4, Progress.NONE).run(REPLICATIONS, SEED, MODEL);
        assertEquals(REPLICATIONS, results.size());
        for (int i = 0; i < REPLICATIONS; i++) {
            assertEquals(MODEL.run(RandomStreams.forReplication(SEED, i)), results.get(i), "replication " + i);
        }
        assertEquals(REPLICATIONS, Set.copyOf(results).size(), "replications are distinct");
    }

    @Test
    void progressHearsOfEveryReplication() {
        ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();
        Set<Integer> totals = ConcurrentHashMap.newKeySet();
        ReplicationRunner runner = new ReplicationRunner(4, (d, total) -> {
            done.add(d);
            totals.add(total);
        });

        runner.runTasks(5, SEED, List.of(MODEL, MODEL));

        assertEquals(Set.of(10), totals);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), Set.copyOf(done));
        assertEquals(10, done.size());
    }

    @Test
    void aFailingReplicationRethrowsItsException() {
        IllegalStateException boom = new IllegalStateException("replication 3 exploded");
        Replication<Integer> model = streams -> {
            if (streams.seed() == RandomStreams.forReplication(SEED, 3).seed()) {
                throw boom;
            }
            return 1;
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new ReplicationRunner(2, Progress.NONE).run(6, SEED, model));
        assertSame(boom, thrown);
    }

    @Test
    void badArgumentsAreRefused() {
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> new ReplicationRunner(0, Progress.NONE));
        assertTrue(threads.getMessage().contains("0"), threads.getMessage());
        IllegalArgumentException reps = assertThrows(IllegalArgumentException.class,
                () -> new ReplicationRunner(1, Progress.NONE).run(0, SEED, MODEL));
        assertTrue(reps.getMessage().contains("replications"), reps.getMessage());
        assertTrue(ReplicationRunner.allCores().threads() >= 1);
    }
}
