package dev.chipflow.engine;

/** A condition checked after every event by {@link Simulator#runUntil(StopCondition)}. */
@FunctionalInterface
public interface StopCondition {
    /**
     * @param simulator the running simulator, its clock at the event just executed
     * @return true to stop the run before the next event
     */
    boolean isMet(Simulator simulator);
}
