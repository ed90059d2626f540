package dev.chipflow.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A first-in first-out queue of ints on a growable ring buffer: the waiting line of a model stage, holding entity
 * indices without boxing. Allocates only when it grows.
 */
public final class IntFifo {

    /** Capacity is a power of two so that wrapping is a mask, not a division. */
    private int[] ring;
    private int mask;
    private int head;
    private int size;

    /** An empty queue. */
    public IntFifo() {
        this(16);
    }

    /** @param capacity initial room (rounded up to a power of two) */
    public IntFifo(int capacity) {
        ring = new int[Integer.highestOneBit(Math.max(2, capacity) * 2 - 1)];
        mask = ring.length - 1;
    }

    /** @param value appended at the tail */
    public void add(int value) {
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) & mask] = value;
        size++;
    }

    /** @return the head, which stays in the queue */
    public int peek() {
        if (size == 0) {
            throw new NoSuchElementException("queue is empty");
        }
        return ring[head];
    }

    /** @return the head, removed */
    public int poll() {
        int v = peek();
        head = (head + 1) & mask;
        size--;
        return v;
    }

    /**
     * @param i position from the head, {@code 0 <= i < size()}
     * @return the element there
     */
    public int get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of a queue of " + size);
        }
        return ring[(head + i) & mask];
    }

    /** @return the number of elements */
    public int size() {
        return size;
    }

    /** @return whether the queue is empty */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Empties the queue, keeping its memory. */
    public void clear() {
        head = 0;
        size = 0;
    }

    /** Doubles a full ring: its elements run from {@code head} to the end, then from 0 to {@code head}. */
    private void grow() {
        int[] bigger = new int[ring.length * 2];
        int tail = ring.length - head;
        System.arraycopy(ring, head, bigger, 0, tail);
        System.arraycopy(ring, 0, bigger, tail, head);
        ring = bigger;
        mask = ring.length - 1;
        head = 0;
    }

    @Override
    public String toString() {
        int[] v = new int[size];
        for (int i = 0; i < size; i++) {
            v[i] = get(i);
        }
        return Arrays.toString(v);
    }
}
