package dev.chipflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The stall guard: a run in which more than {@link Simulator#stallLimit()} events in a row execute at one instant
 * ends with a {@link StalledClockException} naming the instant and the owner of the last handler, and a run that
 * stays within the limit is not disturbed.
 */
class SimulatorStallTest {

    private final Simulator sim = new Simulator();
    private long handled;

    /** The livelock: handles an event by scheduling itself again with delay 0, forever. */
    private void again(int arg) {
        handled++;
        sim.schedule(0, this::again, arg);
    }

    /** Counts, and schedules nothing. */
    private final EventHandler counts = arg -> handled++;

    @Test
    void aHandlerThatReschedulesItselfAtDelayZeroStallsNamingTheInstantAndItsOwner() {
        sim.setStallLimit(1_000);
        sim.scheduleAt(12.5, this::again, 0);

        StalledClockException e = assertThrows(StalledClockException.class, sim::run);

        assertEquals(12.5, e.instant());
        assertEquals(12.5, sim.now());
        assertEquals("SimulatorStallTest", e.owner());
        assertTrue(e.handlerClassName().startsWith("dev.chipflow.engine.SimulatorStallTest$"), e.handlerClassName());
        assertEquals(1_000, e.limit());
        // Every event of the loop is at day 12.5, so the first is number 1 of the run of same-instant events and the
        // n-th is number n. The guard lets numbers 1..1000 pass and throws right after number 1001 has run: 1001
        // events executed, and the 1001st had already scheduled its successor, which is still pending.
        assertEquals(1_001, handled);
        assertEquals(1_001, sim.eventsExecuted());
        assertEquals(1, sim.pendingEvents());
        String message = e.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("day 12.5"), message);
        assertTrue(message.contains("more than 1000 events"), message);
        assertTrue(message.contains("handled by SimulatorStallTest ("), message);
        assertTrue(message.contains(e.handlerClassName()), message);
    }

    @Test
    void everyRunMethodHasTheGuard() {
        // Limit 1: the second event at an instant is one too many. Each run starts the loop at a new instant, one
        // day later than the last, so the count restarts at 1 there, and the loop throws after its second event.
        sim.setStallLimit(1);
        sim.schedule(1, this::again);
        StalledClockException untilTime = assertThrows(StalledClockException.class, () -> sim.runUntil(10.0));
        assertEquals(1.0, untilTime.instant());
        assertEquals(2, handled);

        Simulator before = new Simulator();
        before.setStallLimit(1);
        EventHandler[] loop = new EventHandler[1];
        loop[0] = arg -> before.schedule(0, loop[0]);
        before.scheduleAt(2, loop[0], 0);
        StalledClockException beforeTime = assertThrows(StalledClockException.class, () -> before.runBefore(10.0));
        assertEquals(2.0, beforeTime.instant());
        assertEquals(2, before.eventsExecuted());

        Simulator condition = new Simulator();
        condition.setStallLimit(1);
        EventHandler[] loop2 = new EventHandler[1];
        loop2[0] = arg -> condition.schedule(0, loop2[0]);
        condition.scheduleAt(3, loop2[0], 0);
        StalledClockException untilCondition =
                assertThrows(StalledClockException.class, () -> condition.runUntil(s -> false));
        assertEquals(3.0, untilCondition.instant());
        assertEquals(2, condition.eventsExecuted());
        assertEquals("SimulatorStallTest", untilCondition.owner(), "a lambda's owner is the class that wrote it");
    }

    @Test
    void manySameInstantEventsUpToTheLimitRunNormally() {
        // Limit 1000. Day 1: 400 events scheduled up front, the 400th of which schedules 600 more at delay 0, so
        // 1000 in a row at day 1: exactly the limit, which is allowed. Day 2: 1000 more, also allowed, because the
        // count starts again at a new instant (had it carried on, the first event at day 2 would be number 1001).
        sim.setStallLimit(1_000);
        EventHandler fansOut = arg -> {
            handled++;
            for (int i = 0; i < 600; i++) {
                sim.schedule(0, counts);
            }
        };
        for (int i = 0; i < 399; i++) {
            sim.scheduleAt(1, counts, i);
        }
        sim.scheduleAt(1, fansOut, 399);
        for (int i = 0; i < 1_000; i++) {
            sim.scheduleAt(2, counts, i);
        }

        assertEquals(2_000, sim.run());
        assertEquals(2_000, handled);
        assertEquals(2.0, sim.now());
    }

    @Test
    void theCountGoesOnAcrossRunsAtTheSameInstant() {
        // Limit 3. runUntil(5) runs two events at day 5 and leaves the clock there; two more at day 5 make four in a
        // row at that instant, so the second of them (the fourth) throws.
        sim.setStallLimit(3);
        sim.scheduleAt(5, counts, 0);
        sim.scheduleAt(5, counts, 1);
        assertEquals(2, sim.runUntil(5.0));
        sim.schedule(0, counts);
        sim.schedule(0, counts);

        StalledClockException e = assertThrows(StalledClockException.class, sim::run);

        assertEquals(5.0, e.instant());
        assertEquals(4, handled);
    }

    @Test
    void aClockMovedByRunUntilStartsANewCount() {
        // Limit 3. Three events at day 1, then runUntil(2) moves the clock to day 2 with no event there; three
        // events at day 2 are a new run of three, within the limit.
        sim.setStallLimit(3);
        for (int i = 0; i < 3; i++) {
            sim.scheduleAt(1, counts, i);
        }
        assertEquals(3, sim.runUntil(2.0));
        for (int i = 0; i < 3; i++) {
            sim.schedule(0, counts);
        }
        assertEquals(3, sim.run());
        assertEquals(6, handled);
    }

    @Test
    void eventsAtDistinctInstantsNeverStallEvenAtLimitOne() {
        // Limit 1 and 50 events on days 0, 1, ..., 49: each instant has one event, so nothing throws. The first is
        // at day 0, the clock's starting time, and counts as number 1 there.
        sim.setStallLimit(1);
        for (int d = 0; d < 50; d++) {
            sim.scheduleAt(d, counts, d);
        }
        assertEquals(50, sim.run());
        assertEquals(49.0, sim.now());
    }

    @Test
    void theLimitIsTenMillionByDefaultAndValidated() {
        assertEquals(10_000_000L, Simulator.DEFAULT_STALL_LIMIT);
        assertEquals(Simulator.DEFAULT_STALL_LIMIT, sim.stallLimit());
        sim.setStallLimit(1);
        assertEquals(1, sim.stallLimit());
        sim.setStallLimit(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, sim.stallLimit());

        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> sim.setStallLimit(0));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        assertTrue(zero.getMessage().endsWith("was 0"), zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> sim.setStallLimit(-5));
        assertTrue(negative.getMessage().endsWith("was -5"), negative.getMessage());
        assertEquals(Long.MAX_VALUE, sim.stallLimit(), "a refused limit leaves the old one");
    }

    @Test
    void theOwnerIsTheTopLevelClassWithoutItsPackage() {
        // A lambda or method reference: a hidden class named after its owner, JDK 21 and JDK 17 spellings.
        assertEquals("CapLedger", StalledClockException.ownerOf("dev.chipflow.supply.CapLedger$$Lambda/0x000001f4"));
        assertEquals("CapLedger", StalledClockException.ownerOf("dev.chipflow.supply.CapLedger$$Lambda$57/0x0800c0"));
        // Anonymous, nested and inner classes belong to their top-level class.
        assertEquals("TestLab", StalledClockException.ownerOf("dev.chipflow.supply.TestLab$1"));
        assertEquals("SupplyModel", StalledClockException.ownerOf("dev.chipflow.supply.SupplyModel$Sampler$2"));
        // A top-level handler class is its own owner; so is a hidden class without a '$', and the default package.
        assertEquals("Border", StalledClockException.ownerOf("dev.chipflow.supply.Border"));
        assertEquals("Gen", StalledClockException.ownerOf("a.b.Gen/0x12"));
        assertEquals("Loop", StalledClockException.ownerOf("Loop$$Lambda/0x1"));
    }

    @Test
    void theExceptionCarriesWhatItWasGiven() {
        StalledClockException e = new StalledClockException(3.25, "x.y.Stage$$Lambda/0x9", 7);
        assertEquals(3.25, e.instant());
        assertEquals("Stage", e.owner());
        assertEquals("x.y.Stage$$Lambda/0x9", e.handlerClassName());
        assertEquals(7, e.limit());
        assertEquals("simulation clock stalled at day 3.25: more than 7 events in a row ran at that instant, the last"
                + " one handled by Stage (x.y.Stage$$Lambda/0x9), which keeps scheduling events at that time"
                + " (Simulator.setStallLimit raises the limit)", e.getMessage());
    }
}
