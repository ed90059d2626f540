package dev.chipflow.engine;

/**
 * What runs when an event fires. Implement it once per kind of event (usually as a field of the component that owns
 * the event) and pass the entity in {@code arg}, so that scheduling never captures a new object.
 */
@FunctionalInterface
public interface EventHandler {
    /**
     * Runs the event.
     *
     * @param arg the int given when the event was scheduled (typically the index of an entity)
     */
    void handle(int arg);
}
