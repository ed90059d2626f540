package dev.chipflow.engine;

import java.util.Arrays;

/**
 * The default {@link EventList}: a 4-ary min-heap over parallel primitive arrays.
 *
 * <p>Each heap slot holds (time, sequence number, id) inline so that comparisons never chase a pointer; the sequence
 * number, taken from a counter at insertion, makes ties FIFO. An id-indexed position array gives O(log n) removal
 * without a scan. Four children per node halve the depth of a binary heap and keep the children of a node in one or
 * two cache lines, which is what pays at a million pending events.
 */
public final class HeapEventList implements EventList {

    private static final int ABSENT = -1;

    private double[] times;
    private long[] seqs;
    private int[] ids;
    private int[] positionOf;
    private int size;
    private long nextSeq;

    /** An empty list with room for a few events; it grows as needed. */
    public HeapEventList() {
        this(64);
    }

    /**
     * An empty list sized for {@code capacity} pending events.
     *
     * @param capacity the expected number of pending events (at least 1)
     */
    public HeapEventList(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        times = new double[capacity];
        seqs = new long[capacity];
        ids = new int[capacity];
        positionOf = new int[capacity];
        Arrays.fill(positionOf, ABSENT);
    }

    @Override
    public void insert(int id, double time) {
        if (id >= positionOf.length) {
            growIds(id);
        } else if (positionOf[id] != ABSENT) {
            throw new IllegalStateException("event id " + id + " is already pending");
        }
        if (size == times.length) {
            growHeap();
        }
        siftUp(size++, time, nextSeq++, id);
    }

    @Override
    public double firstTime() {
        return times[0];
    }

    @Override
    public int pollFirst() {
        int first = ids[0];
        positionOf[first] = ABSENT;
        int last = --size;
        if (last > 0) {
            siftDown(0, times[last], seqs[last], ids[last]);
        }
        return first;
    }

    @Override
    public boolean remove(int id) {
        if (id < 0 || id >= positionOf.length || positionOf[id] == ABSENT) {
            return false;
        }
        int k = positionOf[id];
        positionOf[id] = ABSENT;
        int last = --size;
        if (k == last) {
            return true;
        }
        double t = times[last];
        long s = seqs[last];
        int e = ids[last];
        int parent = (k - 1) >> 2;
        if (k > 0 && before(t, s, times[parent], seqs[parent])) {
            siftUp(k, t, s, e);
        } else {
            siftDown(k, t, s, e);
        }
        return true;
    }

    @Override
    public boolean contains(int id) {
        return id >= 0 && id < positionOf.length && positionOf[id] != ABSENT;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        for (int k = 0; k < size; k++) {
            positionOf[ids[k]] = ABSENT;
        }
        size = 0;
    }

    private static boolean before(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int k, double t, long s, int e) {
        while (k > 0) {
            int p = (k - 1) >> 2;
            double pt = times[p];
            if (pt < t || (pt == t && seqs[p] < s)) {
                break;
            }
            move(p, k);
            k = p;
        }
        place(k, t, s, e);
    }

    private void siftDown(int k, double t, long s, int e) {
        int n = size;
        while (true) {
            int c = (k << 2) + 1;
            if (c >= n) {
                break;
            }
            int m = c;
            double mt = times[c];
            long ms = seqs[c];
            int end = Math.min(c + 4, n);
            for (int j = c + 1; j < end; j++) {
                double jt = times[j];
                if (jt < mt || (jt == mt && seqs[j] < ms)) {
                    m = j;
                    mt = jt;
                    ms = seqs[j];
                }
            }
            if (before(t, s, mt, ms)) {
                break;
            }
            move(m, k);
            k = m;
        }
        place(k, t, s, e);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        int e = ids[from];
        ids[to] = e;
        positionOf[e] = to;
    }

    private void place(int k, double t, long s, int e) {
        times[k] = t;
        seqs[k] = s;
        ids[k] = e;
        positionOf[e] = k;
    }

    private void growHeap() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        seqs = Arrays.copyOf(seqs, n);
        ids = Arrays.copyOf(ids, n);
    }

    /**
     * Grows the id index to hold {@code id}, which is at least its length. A negative id never gets here: the index
     * check in {@link #insert} refuses it with an {@link ArrayIndexOutOfBoundsException} before anything changes.
     */
    private void growIds(int id) {
        int old = positionOf.length;
        positionOf = Arrays.copyOf(positionOf, Math.max(old * 2, id + 1));
        Arrays.fill(positionOf, old, positionOf.length, ABSENT);
    }
}
