package dev.chipflow.bench;

/**
 * An event list seen through the hold model: a fixed number of pending events, each operation taking the earliest and
 * putting it back later. Each JMH fork uses one implementation, so calls through this interface are monomorphic and
 * inlined; the benchmark measures the list, not the adapter.
 */
interface HoldModel {

    /**
     * Removes the earliest event and reinserts it {@code increment} after its time.
     *
     * @return the time of the event removed (the new "now")
     */
    double hold(double increment);

    /**
     * Cancels pending event {@code id} and schedules it again at {@code time}.
     *
     * @param id   an event index in {@code [0, n)}, pending
     * @param time its new time, not before the current time
     */
    void reschedule(int id, double time);
}
