package dev.chipflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Exact tests of the run loop: tiny models whose event log must equal a literal list.
 */
class SimulatorTest {

    private final Simulator sim = new Simulator();
    private final List<String> log = new ArrayList<>();

    /** A handler that logs "name@time"; created once per name, like a model's handlers. */
    private EventHandler logs(String name) {
        return arg -> log.add(name + "@" + sim.now());
    }

    /** A handler that logs "e" + arg + "@" + time. */
    private final EventHandler logsArg = arg -> log.add("e" + arg + "@" + sim.now());

    @Nested
    class Ordering {

        @Test
        void eventsRunInTimeOrderAndFifoAmongEqualTimes() {
            sim.scheduleAt(2, logs("a"), 0);
            sim.scheduleAt(1, logs("b"), 0);
            sim.scheduleAt(2, logs("c"), 0);
            sim.schedule(1, logs("d"));
            sim.scheduleAt(2, logs("e"), 0);
            sim.scheduleAt(0, logs("f"), 0);

            long executed = sim.run();

            assertEquals(List.of("f@0.0", "b@1.0", "d@1.0", "a@2.0", "c@2.0", "e@2.0"), log);
            assertEquals(6, executed);
            assertEquals(6, sim.eventsExecuted());
            assertEquals(0, sim.pendingEvents());
            assertEquals(2.0, sim.now());
        }

        @Test
        void anEventScheduledNowRunsAfterThoseAlreadyPendingAtNow() {
            sim.scheduleAt(1, arg -> {
                log.add("x@" + sim.now());
                sim.schedule(0, logs("y"));
            }, 0);
            sim.scheduleAt(1, logs("z"), 0);

            sim.run();

            assertEquals(List.of("x@1.0", "z@1.0", "y@1.0"), log);
        }

        @Test
        void handlersReceiveTheirArgument() {
            sim.schedule(3, logsArg, 30);
            sim.schedule(1, logsArg, 10);
            sim.schedule(2, logsArg, -20);

            sim.run();

            assertEquals(List.of("e10@1.0", "e-20@2.0", "e30@3.0"), log);
        }

        @Test
        void thousandsOfEqualTimesStayFifoAcrossGrowth() {
            // More events than the initial capacities (64 slots) so the slot arrays and the heap grow.
            int n = 5000;
            List<Integer> order = new ArrayList<>();
            EventHandler record = order::add;
            for (int i = 0; i < n; i++) {
                sim.scheduleAt(7.0, record, i);
            }
            sim.run();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            assertEquals(expected, order);
        }

        @Test
        void slotsAreRecycledAndOrderSurvivesReuse() {
            // A chain where each event schedules the next two: slots freed by fired events are reused.
            EventHandler[] chain = new EventHandler[1];
            chain[0] = arg -> {
                log.add("c" + arg + "@" + sim.now());
                if (arg < 4) {
                    sim.schedule(1, chain[0], arg + 1);
                    sim.schedule(0.5, logs("h" + arg));
                }
            };
            sim.schedule(0, chain[0], 0);

            sim.run();

            assertEquals(List.of("c0@0.0", "h0@0.5", "c1@1.0", "h1@1.5", "c2@2.0", "h2@2.5", "c3@3.0", "h3@3.5",
                    "c4@4.0"), log);
        }
    }

    @Nested
    class Cancellation {

        @Test
        void cancelHeadMiddleAndLastThenTheRestRunInOrder() {
            long a = sim.scheduleAt(1, logs("a"), 0);
            sim.scheduleAt(2, logs("b"), 0);
            long c = sim.scheduleAt(3, logs("c"), 0);
            sim.scheduleAt(4, logs("d"), 0);
            long e = sim.scheduleAt(5, logs("e"), 0);

            sim.cancel(a);
            sim.cancel(c);
            sim.cancel(e);

            assertEquals(2, sim.pendingEvents());
            sim.run();
            assertEquals(List.of("b@2.0", "d@4.0"), log);
        }

        @Test
        void cancelAmongEqualTimesKeepsFifoOfTheRest() {
            long[] h = new long[7];
            for (int i = 0; i < h.length; i++) {
                h[i] = sim.scheduleAt(3, logsArg, i);
            }
            sim.cancel(h[0]);
            sim.cancel(h[3]);
            sim.cancel(h[6]);

            sim.run();

            assertEquals(List.of("e1@3.0", "e2@3.0", "e4@3.0", "e5@3.0"), log);
        }

        @Test
        void anEventCanCancelAnotherPendingEvent() {
            long[] victim = new long[1];
            sim.scheduleAt(1, arg -> {
                log.add("canceller@" + sim.now());
                sim.cancel(victim[0]);
            }, 0);
            victim[0] = sim.scheduleAt(2, logs("victim"), 0);
            sim.scheduleAt(3, logs("survivor"), 0);

            sim.run();

            assertEquals(List.of("canceller@1.0", "survivor@3.0"), log);
        }

        @Test
        void cancellingTwiceIsRefusedWithAClearMessage() {
            long h = sim.schedule(1, logs("a"));
            sim.cancel(h);

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.cancel(h));

            assertTrue(e.getMessage().contains("not pending"), e.getMessage());
            assertTrue(e.getMessage().contains("already cancelled"), e.getMessage());
            assertTrue(e.getMessage().contains(Long.toString(h)), e.getMessage());
        }

        @Test
        void cancellingAnEventThatRanIsRefused() {
            long h = sim.schedule(1, logs("a"));
            sim.run();

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.cancel(h));

            assertTrue(e.getMessage().contains("already executed"), e.getMessage());
        }

        @Test
        void anEventCannotCancelItself() {
            long[] self = new long[1];
            List<Throwable> thrown = new ArrayList<>();
            self[0] = sim.schedule(1, arg -> {
                try {
                    sim.cancel(self[0]);
                } catch (IllegalStateException e) {
                    thrown.add(e);
                }
            });
            sim.run();
            assertEquals(1, thrown.size());
        }

        @Test
        void isPendingFollowsTheLifeOfAnEvent() {
            long ran = sim.schedule(1, logs("ran"));
            long cancelled = sim.schedule(2, logs("cancelled"));
            long later = sim.schedule(5, logs("later"));
            assertTrue(sim.isPending(ran));
            assertTrue(sim.isPending(cancelled));

            sim.cancel(cancelled);
            assertFalse(sim.isPending(cancelled));

            sim.runUntil(3);
            assertFalse(sim.isPending(ran));
            assertTrue(sim.isPending(later));
            assertFalse(sim.isPending(-1L));
            assertFalse(sim.isPending(Long.MAX_VALUE));
        }

        @Test
        void aStaleHandleDoesNotTouchTheEventThatReusedItsSlot() {
            long old = sim.schedule(1, logs("old"));
            sim.cancel(old);
            long reuse = sim.schedule(2, logs("new"));

            assertEquals((int) old, (int) reuse, "the freed slot is reused");
            assertFalse(sim.isPending(old));
            assertTrue(sim.isPending(reuse));
            assertThrows(IllegalStateException.class, () -> sim.cancel(old));
            assertTrue(sim.isPending(reuse));

            sim.run();
            assertEquals(List.of("new@2.0"), log);
        }
    }

    @Nested
    class Running {

        @Test
        void runUntilATimeRunsEventsAtOrBeforeItSetsTheClockAndLeavesLaterOnes() {
            for (int t = 1; t <= 4; t++) {
                sim.scheduleAt(t, logs("t" + t), 0);
            }

            long executed = sim.runUntil(2.5);

            assertEquals(2, executed);
            assertEquals(List.of("t1@1.0", "t2@2.0"), log);
            assertEquals(2.5, sim.now());
            assertEquals(2, sim.pendingEvents());

            assertEquals(1, sim.runUntil(3.0), "an event at exactly the end time runs");
            assertEquals(3.0, sim.now());
            assertEquals(0, sim.runUntil(3.0), "running until now again does nothing");

            assertEquals(1, sim.run());
            assertEquals(List.of("t1@1.0", "t2@2.0", "t3@3.0", "t4@4.0"), log);
            assertEquals(4.0, sim.now(), "run() leaves the clock at the last event");
        }

        @Test
        void runUntilATimeWithNoEventsStillAdvancesTheClock() {
            assertEquals(0, sim.runUntil(10));
            assertEquals(10.0, sim.now());
            sim.schedule(1, logs("a"));
            sim.run();
            assertEquals(List.of("a@11.0"), log);
        }

        @Test
        void runUntilAConditionStopsRightAfterTheEventThatMetIt() {
            for (int t = 1; t <= 5; t++) {
                sim.scheduleAt(t, logs("t" + t), 0);
            }
            StopCondition pastThree = s -> s.now() >= 3;

            long executed = sim.runUntil(pastThree);

            assertEquals(3, executed);
            assertEquals(List.of("t1@1.0", "t2@2.0", "t3@3.0"), log);
            assertEquals(3.0, sim.now());
            assertEquals(2, sim.pendingEvents());
        }

        @Test
        void runUntilAConditionThatNeverHoldsRunsOutOfEvents() {
            sim.scheduleAt(1, logs("a"), 0);
            sim.scheduleAt(2, logs("b"), 0);

            assertEquals(2, sim.runUntil(s -> false));
            assertEquals(List.of("a@1.0", "b@2.0"), log);
            assertEquals(0, sim.runUntil(s -> true), "no events, nothing to run");
        }

        @Test
        void stopFromInsideAnEventEndsTheRunAfterThatEvent() {
            sim.scheduleAt(1, logs("a"), 0);
            sim.scheduleAt(2, arg -> {
                log.add("stopper@" + sim.now());
                sim.stop();
            }, 0);
            sim.scheduleAt(2, logs("sameTime"), 0);
            sim.scheduleAt(3, logs("c"), 0);

            long executed = sim.runUntil(10);

            assertEquals(2, executed);
            assertEquals(List.of("a@1.0", "stopper@2.0"), log);
            assertEquals(2.0, sim.now(), "a stopped run leaves the clock at the stopping event, not the end time");
            assertEquals(2, sim.pendingEvents());

            assertEquals(2, sim.run(), "a later run resumes");
            assertEquals(List.of("a@1.0", "stopper@2.0", "sameTime@2.0", "c@3.0"), log);
        }

        @Test
        void stopAlsoEndsAConditionRun() {
            sim.scheduleAt(1, arg -> sim.stop(), 0);
            sim.scheduleAt(2, logs("b"), 0);

            assertEquals(1, sim.runUntil(s -> false));
            assertEquals(1, sim.pendingEvents());
        }
    }

    @Nested
    class BadCalls {

        private void assertRefused(String expectedInMessage, Runnable call) {
            int pending = sim.pendingEvents();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
            assertTrue(e.getMessage().contains(expectedInMessage),
                    "message should name " + expectedInMessage + ": " + e.getMessage());
            assertEquals(pending, sim.pendingEvents(), "a refused call schedules nothing");
        }

        @Test
        void schedulingInThePast() {
            sim.runUntil(5);
            assertRefused("4.5", () -> sim.scheduleAt(4.5, logs("a"), 0));
        }

        @Test
        void nanTime() {
            assertRefused("NaN", () -> sim.scheduleAt(Double.NaN, logs("a"), 0));
        }

        @Test
        void infiniteTime() {
            assertRefused("Infinity", () -> sim.scheduleAt(Double.POSITIVE_INFINITY, logs("a"), 0));
            assertRefused("-Infinity", () -> sim.scheduleAt(Double.NEGATIVE_INFINITY, logs("a"), 0));
        }

        @Test
        void negativeDelay() {
            assertRefused("-0.25", () -> sim.schedule(-0.25, logs("a")));
        }

        @Test
        void nanDelay() {
            assertRefused("NaN", () -> sim.schedule(Double.NaN, logs("a"), 3));
        }

        @Test
        void infiniteDelay() {
            assertRefused("Infinity", () -> sim.schedule(Double.POSITIVE_INFINITY, logs("a")));
        }

        @Test
        void nullHandler() {
            assertRefused("handler", () -> sim.schedule(1, null, 0));
            assertRefused("null", () -> sim.scheduleAt(1, null, 0));
        }

        @Test
        void runUntilInThePast() {
            sim.runUntil(5);
            assertRefused("3.0", () -> sim.runUntil(3.0));
            assertRefused("NaN", () -> sim.runUntil(Double.NaN));
            assertEquals(5.0, sim.now());
        }

        @Test
        void aSimulatorNeedsAnEmptyEventList() {
            EventList busy = new HeapEventList();
            busy.insert(0, 1.0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Simulator(busy));
            assertTrue(e.getMessage().contains("1 events"), e.getMessage());
        }

        @Test
        void aRefusedCallLeavesTheSimulatorUsable() {
            assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, logs("bad")));
            assertThrows(IllegalArgumentException.class, () -> sim.schedule(1, null));
            sim.schedule(1, logs("good"));
            sim.run();
            assertEquals(List.of("good@1.0"), log);
        }
    }
}
