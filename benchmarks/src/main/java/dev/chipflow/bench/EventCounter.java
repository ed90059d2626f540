package dev.chipflow.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Engine events executed, which JMH reports beside a benchmark's own score as a rate: events per second. A benchmark
 * takes it as a parameter and adds the events each call executed.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class EventCounter {
    /** Events executed in the current iteration. */
    public long events;

    /** Starts each iteration's count at zero. */
    @Setup(Level.Iteration)
    public void reset() {
        events = 0;
    }
}
