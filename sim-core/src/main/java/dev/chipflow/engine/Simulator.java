package dev.chipflow.engine;

import java.util.Arrays;

/**
 * One replication's clock and event list: schedule, cancel and run events in time order.
 *
 * <p>The clock is in days (a double). Events at equal times run in the order they were scheduled. Scheduling returns
 * a {@code long} handle (a slot id and a generation) that {@link #cancel(long)} uses to remove the event in O(log n);
 * a stale handle is recognised and refused. Slots are recycled, so a long run in steady state allocates nothing.
 *
 * <p>Every run terminates or fails: when more than {@link #stallLimit()} events in a row (10,000,000 unless
 * {@link #setStallLimit(long) set}) execute at one instant, the clock is making no progress and the run throws a
 * {@link StalledClockException} naming the instant and the class that owns the last event's handler.
 *
 * <p>Not thread-safe: one simulator belongs to one replication on one thread.
 *
 * <pre>{@code
 * Simulator sim = new Simulator();
 * EventHandler arrival = customer -> System.out.println("customer " + customer + " at " + sim.now());
 * sim.schedule(1.5, arrival, 7);
 * sim.run();
 * }</pre>
 */
public final class Simulator {

    /** The default {@link #stallLimit()}: far more events at one instant than any model here runs legitimately. */
    public static final long DEFAULT_STALL_LIMIT = 10_000_000L;

    private final EventList events;
    private EventHandler[] handlers;
    private int[] args;
    private int[] generations;
    private int[] freeSlots;
    private int freeCount;
    private int slotCount;
    private double now;
    private long executed;
    private boolean stopRequested;
    private long stallLimit = DEFAULT_STALL_LIMIT;
    /** The instant of the last event executed, and how many events in a row have executed at it. */
    private double runInstant;
    private long runLength;

    /**
     * A simulator at time 0 on the default {@link LadderEventList}: a heap while few events are pending, a ladder
     * queue (O(1) amortised hold) once many are, so small models and millions of pending events both run fast.
     */
    public Simulator() {
        this(new LadderEventList());
    }

    /**
     * A simulator at time 0 on the given event list.
     *
     * @param events an empty event list, owned by this simulator from now on
     */
    public Simulator(EventList events) {
        if (events.size() != 0) {
            throw new IllegalArgumentException("the event list must be empty, it holds " + events.size() + " events");
        }
        this.events = events;
        int capacity = 64;
        handlers = new EventHandler[capacity];
        args = new int[capacity];
        generations = new int[capacity];
        freeSlots = new int[capacity];
    }

    /** @return the simulation clock, in days */
    public double now() {
        return now;
    }

    /** @return the number of events executed so far */
    public long eventsExecuted() {
        return executed;
    }

    /** @return how many events in a row may execute at one instant before a run throws {@link StalledClockException} */
    public long stallLimit() {
        return stallLimit;
    }

    /**
     * Sets how many events in a row may execute at one instant; one more makes the run throw a
     * {@link StalledClockException} after that event. The count is of consecutive events at the same time, across
     * runs; it starts again at every later instant.
     *
     * @param limit at least 1 ({@link #DEFAULT_STALL_LIMIT} by default; {@link Long#MAX_VALUE} never stops a run)
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public void setStallLimit(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("stall limit must be at least 1 event at one instant, was " + limit);
        }
        stallLimit = limit;
    }

    /** @return the number of events scheduled and not yet executed or cancelled */
    public int pendingEvents() {
        return events.size();
    }

    /**
     * Schedules {@code handler.handle(arg)} at {@code now() + delay}.
     *
     * @param delay   days from now, finite and non-negative
     * @param handler what to run
     * @param arg     passed to the handler
     * @return a handle for {@link #cancel(long)}
     * @throws IllegalArgumentException if the delay is negative, NaN or infinite, or the handler is null
     */
    public long schedule(double delay, EventHandler handler, int arg) {
        if (!(delay >= 0.0) || delay == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("event delay must be finite and >= 0 days, was " + delay
                    + " (now = " + now + ")");
        }
        double time = now + delay;
        if (time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("event delay " + delay + " from now = " + now
                    + " overflows to an infinite time");
        }
        return enqueue(time, handler, arg);
    }

    /**
     * Schedules {@code handler.handle(0)} after {@code delay} days; see {@link #schedule(double, EventHandler, int)}.
     *
     * @param delay   days from now, finite and non-negative
     * @param handler what to run
     * @return a handle for {@link #cancel(long)}
     */
    public long schedule(double delay, EventHandler handler) {
        return schedule(delay, handler, 0);
    }

    /**
     * Schedules {@code handler.handle(arg)} at the absolute time {@code time}.
     *
     * @param time    days, finite and not before {@link #now()}
     * @param handler what to run
     * @param arg     passed to the handler
     * @return a handle for {@link #cancel(long)}
     * @throws IllegalArgumentException if the time is NaN, infinite or in the past, or the handler is null
     */
    public long scheduleAt(double time, EventHandler handler, int arg) {
        if (Double.isNaN(time) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("event time must be finite, was " + time);
        }
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule an event in the past: time " + time
                    + " is before now = " + now);
        }
        return enqueue(time, handler, arg);
    }

    private long enqueue(double time, EventHandler handler, int arg) {
        if (handler == null) {
            throw new IllegalArgumentException("event handler must not be null, was null (time " + time + ")");
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        handlers[slot] = handler;
        args[slot] = arg;
        events.insert(slot, time);
        return ((long) generations[slot] << 32) | slot;
    }

    private int newSlot() {
        if (slotCount == handlers.length) {
            int n = handlers.length * 2;
            handlers = Arrays.copyOf(handlers, n);
            args = Arrays.copyOf(args, n);
            generations = Arrays.copyOf(generations, n);
            freeSlots = Arrays.copyOf(freeSlots, n);
        }
        return slotCount++;
    }

    private void release(int slot) {
        handlers[slot] = null;
        generations[slot]++;
        freeSlots[freeCount++] = slot;
    }

    /**
     * @param handle a handle returned by a schedule method
     * @return whether that event is still pending (neither executed nor cancelled)
     */
    public boolean isPending(long handle) {
        int slot = (int) handle;
        return slot >= 0 && slot < slotCount && generations[slot] == (int) (handle >>> 32) && events.contains(slot);
    }

    /**
     * Cancels a pending event in O(log n).
     *
     * @param handle a handle returned by a schedule method
     * @throws IllegalStateException if the event already ran or was already cancelled
     */
    public void cancel(long handle) {
        if (!isPending(handle)) {
            throw new IllegalStateException("cannot cancel event handle " + handle
                    + ": it is not pending (already executed or already cancelled)");
        }
        int slot = (int) handle;
        events.remove(slot);
        release(slot);
    }

    /** Asks the running loop to return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Runs until no events remain or {@link #stop()} is called.
     *
     * @return the number of events executed by this call
     * @throws StalledClockException if more than {@link #stallLimit()} events in a row execute at one instant
     */
    public long run() {
        return runUntil(Double.POSITIVE_INFINITY);
    }

    /**
     * Runs every event with time {@code <= endTime}, then sets the clock to {@code endTime} (unless stopped earlier).
     *
     * @param endTime days, not before {@link #now()}; {@code +Infinity} runs until no events remain
     * @return the number of events executed by this call
     * @throws IllegalArgumentException if {@code endTime} is NaN or in the past
     * @throws StalledClockException if more than {@link #stallLimit()} events in a row execute at one instant
     */
    public long runUntil(double endTime) {
        if (Double.isNaN(endTime) || endTime < now) {
            throw new IllegalArgumentException("run end time must be a number not before now = " + now
                    + ", was " + endTime);
        }
        return runTo(endTime, true);
    }

    /**
     * Runs every event with time strictly before {@code endTime}, then sets the clock to {@code endTime}: the
     * half-open horizon [now, endTime), for models whose horizon ends at an instant that belongs to the next period.
     *
     * @param endTime days, finite and not before {@link #now()}
     * @return the number of events executed by this call
     * @throws IllegalArgumentException if {@code endTime} is NaN, infinite or in the past
     * @throws StalledClockException if more than {@link #stallLimit()} events in a row execute at one instant
     */
    public long runBefore(double endTime) {
        if (Double.isNaN(endTime) || Double.isInfinite(endTime) || endTime < now) {
            throw new IllegalArgumentException("run end time must be finite and not before now = " + now
                    + ", was " + endTime);
        }
        return runTo(endTime, false);
    }

    private long runTo(double endTime, boolean inclusive) {
        stopRequested = false;
        long before = executed;
        EventList list = events;
        while (list.size() > 0 && !stopRequested) {
            double t = list.firstTime();
            if (t > endTime || (!inclusive && t == endTime)) {
                break;
            }
            fireNext(list, t);
        }
        if (!stopRequested && endTime != Double.POSITIVE_INFINITY) {
            now = endTime;
        }
        return executed - before;
    }

    /**
     * Runs events until {@code condition} holds after an event, no events remain, or {@link #stop()} is called.
     *
     * @param condition checked after every event
     * @return the number of events executed by this call
     * @throws StalledClockException if more than {@link #stallLimit()} events in a row execute at one instant
     */
    public long runUntil(StopCondition condition) {
        stopRequested = false;
        long before = executed;
        EventList list = events;
        while (list.size() > 0 && !stopRequested) {
            fireNext(list, list.firstTime());
            if (condition.isMet(this)) {
                break;
            }
        }
        return executed - before;
    }

    private void fireNext(EventList list, double t) {
        int slot = list.pollFirst();
        EventHandler handler = handlers[slot];
        int arg = args[slot];
        release(slot);
        // The stall guard: a compare and an increment per event, nothing allocated until it fires.
        long length = 1;
        if (t == runInstant) {
            length = runLength + 1;
        } else {
            runInstant = t;
        }
        runLength = length;
        now = t;
        executed++;
        handler.handle(arg);
        if (length > stallLimit) {
            throw stalled(t, handler);
        }
    }

    private StalledClockException stalled(double t, EventHandler handler) {
        return new StalledClockException(t, handler.getClass().getName(), stallLimit);
    }
}
