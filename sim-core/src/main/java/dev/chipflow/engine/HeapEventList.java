package dev.chipflow.engine;

import java.util.Arrays;

/**
 * The default {@link EventList}: a 4-ary min-heap whose entries live inline in one {@code long[]}.
 *
 * <p>An entry is two longs: the time, as a long whose signed order is the order of the doubles, and
 * {@code (sequence << 32) | id}, where the sequence number, taken from a counter at insertion, makes ties FIFO. Keeping
 * both in one array means a node's four children sit in one 64-byte cache line and the entry moved up is already in
 * that line, so a sift touches one line per level (plus the id's position); comparisons are on longs and never chase
 * a pointer. An id-indexed position array gives O(log n) removal without a scan. Four children per node halve the
 * depth of a binary heap, which is what pays at a million pending events.
 *
 * <p>Sequence numbers have 31 bits; when they run out (after two billion insertions) the pending entries are
 * renumbered in order, which keeps FIFO and costs one sort every two billion events.
 */
public final class HeapEventList implements EventList {

    private static final int ABSENT = -1;
    /**
     * Slots before the root. With the root in slot 2, the children of every node start at a slot {@code 4j + 3}, which
     * puts them in one cache line when the array itself is line-aligned (large arrays are, in HotSpot's G1 regions).
     */
    private static final int OFFSET = 2;
    private static final long ID_MASK = 0xFFFF_FFFFL;
    /** Sequence numbers stay below this so that {@code seq << 32} is a positive long. */
    private static final long SEQUENCE_LIMIT = 1L << 31;

    /** Entry {@code k} (logical index from 0) is {@code heap[2(k + OFFSET)]} (time key) and the next long. */
    private long[] heap;
    private int[] positionOf;
    private int size;
    private long nextSeq;
    private final long sequenceLimit;

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
        this(capacity, SEQUENCE_LIMIT);
    }

    /** For tests: a list whose sequence numbers run out after {@code sequenceLimit} insertions. */
    HeapEventList(int capacity, long sequenceLimit) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (sequenceLimit < 2 || sequenceLimit > SEQUENCE_LIMIT) {
            throw new IllegalArgumentException("sequence limit must be in [2, 2^31], was " + sequenceLimit);
        }
        this.sequenceLimit = sequenceLimit;
        heap = new long[2 * (capacity + OFFSET)];
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
        if (size == heap.length / 2 - OFFSET) {
            heap = Arrays.copyOf(heap, 2 * (2 * size + OFFSET));
        }
        if (nextSeq == sequenceLimit) {
            renumber();
        }
        siftUp(size++, keyOf(time), (nextSeq++ << 32) | id);
    }

    @Override
    public double firstTime() {
        return timeOf(heap[2 * OFFSET]);
    }

    @Override
    public int pollFirst() {
        long[] h = heap;
        int first = (int) h[2 * OFFSET + 1];
        positionOf[first] = ABSENT;
        int last = --size;
        if (last > 0) {
            int a = (last + OFFSET) << 1;
            siftDown(0, h[a], h[a + 1]);
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
        long[] h = heap;
        int a = (last + OFFSET) << 1;
        long key = h[a];
        long sid = h[a + 1];
        int pa = (((k - 1) >> 2) + OFFSET) << 1;
        if (k > 0 && (key < h[pa] || (key == h[pa] && sid < h[pa + 1]))) {
            siftUp(k, key, sid);
        } else {
            siftDown(k, key, sid);
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
            positionOf[(int) heap[((k + OFFSET) << 1) + 1]] = ABSENT;
        }
        size = 0;
        nextSeq = 0;
    }

    /** A long whose signed order is the order of {@link Double#compare} (so -0.0 comes before 0.0). */
    private static long keyOf(double time) {
        long bits = Double.doubleToRawLongBits(time);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static double timeOf(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    private void siftUp(int k, long key, long sid) {
        long[] h = heap;
        int[] pos = positionOf;
        while (k > 0) {
            int p = (k - 1) >> 2;
            int pa = (p + OFFSET) << 1;
            long pk = h[pa];
            long ps = h[pa + 1];
            if (pk < key || (pk == key && ps < sid)) {
                break;
            }
            int a = (k + OFFSET) << 1;
            h[a] = pk;
            h[a + 1] = ps;
            pos[(int) ps] = k;
            k = p;
        }
        int a = (k + OFFSET) << 1;
        h[a] = key;
        h[a + 1] = sid;
        pos[(int) sid] = k;
    }

    private void siftDown(int k, long key, long sid) {
        long[] h = heap;
        int[] pos = positionOf;
        int n = size;
        while (true) {
            int c = (k << 2) + 1;
            if (c >= n) {
                break;
            }
            int m = (c + OFFSET) << 1;
            long mk = h[m];
            long ms = h[m + 1];
            int end = (Math.min(c + 4, n) + OFFSET) << 1;
            for (int j = m + 2; j < end; j += 2) {
                long jk = h[j];
                if (jk < mk || (jk == mk && h[j + 1] < ms)) {
                    m = j;
                    mk = jk;
                    ms = h[j + 1];
                }
            }
            if (key < mk || (key == mk && sid < ms)) {
                break;
            }
            int a = (k + OFFSET) << 1;
            h[a] = mk;
            h[a + 1] = ms;
            pos[(int) ms] = k;
            k = (m >> 1) - OFFSET;
        }
        int a = (k + OFFSET) << 1;
        h[a] = key;
        h[a + 1] = sid;
        pos[(int) sid] = k;
    }

    /**
     * Gives the pending entries the sequence numbers 0..size-1 in their current order. Heap order is unchanged: only
     * the relative order of sequence numbers is ever compared.
     */
    private void renumber() {
        long[] sids = new long[size];
        for (int k = 0; k < size; k++) {
            sids[k] = heap[((k + OFFSET) << 1) + 1];
        }
        Arrays.sort(sids);
        for (int r = 0; r < size; r++) {
            int id = (int) (sids[r] & ID_MASK);
            heap[((positionOf[id] + OFFSET) << 1) + 1] = ((long) r << 32) | id;
        }
        nextSeq = size;
    }

    private void growIds(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("event id must be non-negative, was " + id);
        }
        int old = positionOf.length;
        positionOf = Arrays.copyOf(positionOf, Math.max(old * 2, id + 1));
        Arrays.fill(positionOf, old, positionOf.length, ABSENT);
    }
}
