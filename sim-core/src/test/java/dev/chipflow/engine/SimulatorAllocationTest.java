package dev.chipflow.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chipflow.random.RandomStreams;
import java.lang.management.ManagementFactory;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * The run loop allocates nothing per event in steady state: after a warm-up, a hold model (each event schedules one
 * more, so the pending population stays constant) runs a million events while the thread's allocated-bytes counter
 * stays essentially flat.
 */
class SimulatorAllocationTest {

    /** Pending events held at all times. */
    private static final int POPULATION = 1_000;

    /**
     * The hold model's one handler, stored in a field and reused for every event, as model code does. Its delays are
     * drawn up front so the measurement counts the engine only.
     */
    private static final class Hold implements EventHandler {
        private final Simulator sim;
        private final double[] delays;
        private int next;

        Hold(Simulator sim, double[] delays) {
            this.sim = sim;
            this.delays = delays;
        }

        @Override
        public void handle(int arg) {
            double d = delays[next];
            next = next + 1 == delays.length ? 0 : next + 1;
            sim.schedule(d, this, arg);
        }
    }

    @Test
    void aMillionEventsAllocateNothing() {
        java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
        assumeTrue(plain instanceof com.sun.management.ThreadMXBean, "needs com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) plain;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "allocated-bytes counter unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);

        UniformRandomProvider rng = RandomStreams.of(7L).stream("hold.delays");
        ZigguratSampler.Exponential exp = ZigguratSampler.Exponential.of(rng, 1.0);
        double[] delays = new double[1 << 16];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = exp.sample();
        }
        Simulator sim = new Simulator();
        Hold hold = new Hold(sim, delays);
        for (int i = 0; i < POPULATION; i++) {
            sim.schedule(delays[i], hold, i);
        }

        // Warm-up: grow every array to its steady size and let the JIT compile the loop. With mean delay 1 and
        // 1000 pending events the model runs about 1000 events per day.
        sim.runUntil(sim.now() + 3_000);

        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long events = sim.runUntil(sim.now() + 1_000);
        long after = threads.getThreadAllocatedBytes(thread);

        assertTrue(events > 900_000, "events measured: " + events);
        long bytes = after - before;
        double perEvent = (double) bytes / events;
        // 0.01 B/event over ~1e6 events is ~10 kB in all: room for the counter's own bookkeeping, while even one
        // small object per event (a boxed time, a handle object, a capturing lambda) costs 16 bytes or more.
        assertTrue(perEvent < 0.01, bytes + " bytes over " + events + " events = " + perEvent + " B/event");
    }
}
