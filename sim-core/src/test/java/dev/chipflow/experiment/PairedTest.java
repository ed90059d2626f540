package dev.chipflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chipflow.random.RandomStreams;
import dev.chipflow.stats.Moments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Paired}: both models of a replication draw from the same streams (common random numbers). */
class PairedTest {

    private static final long SEED = 20260404L;

    /** A model returning its first draw. */
    private static final Replication<Double> FIRST = streams -> streams.stream("x").nextDouble();

    /** A model that draws a hundred numbers from "x" and another from "y" first, then returns its first draw of "y". */
    private static final Replication<Double> GREEDY = streams -> {
        for (int i = 0; i < 100; i++) {
            streams.stream("x").nextDouble();
        }
        return streams.stream("y").nextDouble();
    };

    @Test
    void theSameModelTwiceGivesTheSameValue() {
        Paired<Double> p = new Paired<>(FIRST, FIRST);
        for (int i = 0; i < 50; i++) {
            Paired.Results<Double> r = p.run(RandomStreams.forReplication(SEED, i));
            assertEquals(r.a(), r.b(), "replication " + i);
            assertEquals(FIRST.run(RandomStreams.forReplication(SEED, i)), r.a(), "the replication's own first draw");
        }
        assertNotEquals(p.run(RandomStreams.forReplication(SEED, 0)).a(),
                p.run(RandomStreams.forReplication(SEED, 1)).a(), "replications differ");
    }

    /**
     * Each model gets fresh streams of the replication's seed: what a draws does not shift b's numbers, and what was
     * drawn from the streams handed in before does not either.
     */
    @Test
    void eachModelStartsFromFreshStreams() {
        RandomStreams handed = RandomStreams.forReplication(SEED, 3);
        double fresh = FIRST.run(RandomStreams.forReplication(SEED, 3));
        double freshY = RandomStreams.forReplication(SEED, 3).stream("y").nextDouble();
        handed.stream("x").nextDouble();
        handed.stream("x").nextDouble();

        Paired.Results<Double> r = new Paired<>(GREEDY, FIRST).run(handed);
        assertEquals(freshY, r.a());
        assertEquals(fresh, r.b(), "b's first draw of x is unaffected by a's hundred");
        Paired.Results<Double> s = new Paired<>(FIRST, GREEDY).run(handed);
        assertEquals(fresh, s.a());
        assertEquals(freshY, s.b());
    }

    /** Through the runner, the difference b - a of one model with itself is 0 in every replication: mean and sd 0. */
    @Test
    void theDifferenceOfAModelWithItselfIsZeroThroughTheRunner() {
        record Difference() implements Observation<Paired.Results<Double>> {
            @Override
            public int size() {
                return 3;
            }

            @Override
            public void observe(Paired.Results<Double> r, double[] values) {
                values[0] = r.a();
                values[1] = r.b();
                values[2] = r.b() - r.a();
            }
        }
        List<Moments> m = new ReplicationRunner(3, Progress.NONE).summarise(200, SEED,
                List.of(new Paired<>(FIRST, FIRST)), List.of(new Difference()));
        Moments d = m.get(0);
        assertEquals(200, d.count(2));
        assertEquals(0.0, d.mean(2));
        assertEquals(0.0, d.sd(2));
        assertEquals(d.mean(0), d.mean(1));
        assertEquals(d.sd(0), d.sd(1));
        assertEquals(0.5, d.mean(0), 0.1);
    }
}
