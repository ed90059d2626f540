package dev.chipflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's handles and slots, and {@link Simulator#runBefore(double)}, on exact small cases. */
class SimulatorEdgeTest {

    private final Simulator sim = new Simulator();
    private final List<String> log = new ArrayList<>();

    private EventHandler logs(String name) {
        return arg -> log.add(name + "@" + sim.now());
    }

    @Test
    void anExecutedEventFreesItsSlotForTheNextWithANewGeneration() {
        // A handle is (generation << 32) | slot. The first event takes slot 0 at generation 0: handle 0. Running it
        // frees slot 0 and bumps its generation to 1, so the next event reuses slot 0 with handle 1 << 32.
        long first = sim.schedule(1, logs("a"));
        assertEquals(0L, first);
        sim.run();
        long second = sim.schedule(1, logs("b"));
        assertEquals(1L << 32, second);
        assertTrue(sim.isPending(second));
        assertFalse(sim.isPending(first));
        // Cancelling frees it again: generation 2.
        sim.cancel(second);
        assertEquals(2L << 32, sim.schedule(1, logs("c")));
    }

    @Test
    void isPendingOfASlotNotYetUsedIsFalse() {
        // 64 events fill the 64 slots made at start (slots 0..63); slot 64 does not exist yet.
        for (int i = 0; i < 64; i++) {
            sim.schedule(1, logs("x"));
        }
        assertFalse(sim.isPending(64L));
        assertTrue(sim.isPending(63L));
    }

    @Test
    void runBeforeRunsTheHalfOpenHorizon() {
        for (int t = 1; t <= 3; t++) {
            sim.scheduleAt(t, logs("t" + t), 0);
        }
        // [0, 2) holds only the event at day 1; the clock ends at 2 and the event at exactly 2 waits.
        assertEquals(1, sim.runBefore(2.0));
        assertEquals(List.of("t1@1.0"), log);
        assertEquals(2.0, sim.now());
        assertEquals(2, sim.pendingEvents());
        assertEquals(0, sim.runBefore(2.0), "[2, 2) is empty");
        assertEquals(1, sim.runUntil(2.0), "runUntil includes the end time");
        assertEquals(1, sim.runBefore(10.0), "the event at day 3");
        assertEquals(List.of("t1@1.0", "t2@2.0", "t3@3.0"), log);
        assertEquals(10.0, sim.now());
    }

    @Test
    void aStoppedRunBeforeLeavesTheClockAtTheStoppingEvent() {
        sim.scheduleAt(1, arg -> sim.stop(), 0);
        sim.scheduleAt(2, logs("later"), 0);
        assertEquals(1, sim.runBefore(5.0));
        assertEquals(1.0, sim.now());
        assertEquals(1, sim.pendingEvents());
    }

    @Test
    void runBeforeRefusesABadEndTime() {
        sim.runUntil(5);
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> sim.runBefore(4.0));
        assertTrue(past.getMessage().contains("was 4.0"), past.getMessage());
        assertTrue(past.getMessage().contains("now = 5.0"), past.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.runBefore(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> sim.runBefore(Double.POSITIVE_INFINITY));
        assertEquals(0, sim.runBefore(5.0), "now itself is allowed");
        assertEquals(5.0, sim.now());
    }
}
