package dev.chipflow.engine;

/**
 * A priority queue of pending events keyed by time, the hot path of the engine.
 *
 * <p>Entries are dense non-negative int ids chosen by the caller, each pending at most once. The contract that every
 * implementation keeps: {@link #pollFirst()} returns the entry with the smallest time, and among entries with equal
 * times the one inserted first (FIFO). Implementations allocate only when they grow.
 */
public interface EventList {

    /**
     * Adds an entry.
     *
     * @param id   the entry's id, not already pending
     * @param time its time; callers guarantee it is finite
     */
    void insert(int id, double time);

    /** @return the time of the earliest entry; undefined when empty */
    double firstTime();

    /**
     * Removes the earliest entry (FIFO among equal times); undefined when empty.
     *
     * @return its id
     */
    int pollFirst();

    /**
     * Removes a pending entry.
     *
     * @param id the entry's id
     * @return false if {@code id} was not pending
     */
    boolean remove(int id);

    /**
     * @param id an entry's id
     * @return whether {@code id} is pending
     */
    boolean contains(int id);

    /** @return the number of pending entries */
    int size();

    /** Removes every entry; keeps the memory for reuse. */
    void clear();
}
