package dev.chipflow.examples;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.Simulator;

public final class EngineExample {
    public static void main(String[] args) {
        Simulator sim = new Simulator();                       // clock in days; ladder-queue event list
        EventHandler ping = n -> System.out.println("ping " + n + " at day " + sim.now());
        sim.schedule(2.5, ping, 1);                            // relative time, handler, int argument
        long handle = sim.scheduleAt(7.0, ping, 2);            // absolute time; the handle cancels in O(log n)
        sim.cancel(handle);
        sim.runUntil(30);                                      // or run(), runUntil(StopCondition), runBefore(t)
    }
}
