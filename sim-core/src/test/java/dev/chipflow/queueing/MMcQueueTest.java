package dev.chipflow.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

class MMcQueueTest {

    @Test
    void aRunIsAPureFunctionOfItsStreams() {
        MMcQueue.Result a = MMcQueue.run(0.9, 1.0, 1, 10, 500, RandomStreams.of(3));
        MMcQueue.Result b = MMcQueue.run(0.9, 1.0, 1, 10, 500, RandomStreams.of(3));
        assertEquals(a, b);
        assertTrue(a.served() > 0 && a.events() > 2 * a.served() - 10);
        assertTrue(a.utilisation() > 0 && a.utilisation() <= 1);
    }

    @Test
    void resultsListTheirOutputsInAFixedOrder() {
        MMcQueue.Result r = new MMcQueue.Result(1.5, 2.5, 0.5, 7, 99);
        assertEquals(List.of("meanWait", "meanQueueLength", "utilisation", "served"), List.copyOf(r.scalars().keySet()));
        assertEquals(7.0, r.scalars().get("served"));
    }

    @Test
    void aQueueNobodyJoinsWaitsForNothing() {
        // Very light traffic over a short window: few or no customers wait; the mean wait is then 0, not NaN.
        MMcQueue.Result r = MMcQueue.run(1e-6, 1.0, 3, 0, 1, RandomStreams.of(1));
        assertEquals(0.0, r.meanWait());
        assertEquals(0.0, r.meanQueueLength());
    }

    /**
     * The observer hears exactly the waits the result measures: none during the warm-up, then one per customer who
     * starts service, so their count is {@code served} and their mean {@code meanWait}; and the run is the same one
     * as without an observer (the observer draws nothing).
     */
    @Test
    void anObserverHearsEveryMeasuredWaitAndNoOther() {
        dev.chipflow.engine.Simulator sim = new dev.chipflow.engine.Simulator();
        MMcQueue q = new MMcQueue(sim, 0.9, 1.0, 1, RandomStreams.of(3));
        long[] heard = {0};
        double[] sum = {0};
        q.observeWaits(w -> {
            heard[0]++;
            sum[0] += w;
        });
        q.start();
        sim.runUntil(10);
        assertEquals(0, heard[0], "nothing is observed during the warm-up");
        q.startMeasuring();
        sim.runUntil(500);
        MMcQueue.Result r = q.result();
        assertEquals(MMcQueue.run(0.9, 1.0, 1, 10, 500, RandomStreams.of(3)), r);
        assertTrue(r.served() > 100, "served " + r.served());
        assertEquals(r.served(), heard[0]);
        assertEquals(r.meanWait(), sum[0] / heard[0], 1e-12 * r.meanWait());
    }

    @Test
    void badRunsAreRefused() {
        RandomStreams s = RandomStreams.of(1);
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> MMcQueue.run(0.5, 1, 1, 100, 50, s));
        assertTrue(window.getMessage().contains("warmup=100.0"), window.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MMcQueue.run(0.5, 1, 1, -1, 50, s));
        assertThrows(IllegalArgumentException.class, () -> MMcQueue.run(1.5, 1, 1, 0, 50, s));
    }
}
