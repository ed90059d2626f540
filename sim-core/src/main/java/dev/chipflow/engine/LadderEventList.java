package dev.chipflow.engine;

import java.util.Arrays;

/**
 * An {@link EventList} for very many pending events: a one-rung ladder queue (Tang, Goh and Thng, 2005) over a small
 * heap. Insertion and removal of the earliest event cost O(1) amortised when event times are spread out, against
 * O(log n) for {@link HeapEventList}; with a million pending events that is the difference between missing the
 * cache at every level of a heap and missing it a few times per event.
 *
 * <p>Three tiers, each holding later events than the one before:
 * <ul>
 *   <li><b>bottom</b>: a 4-ary heap of the events of the current bucket, ordered by (time, sequence number), so ties
 *       are FIFO exactly as in {@link HeapEventList};</li>
 *   <li><b>rung</b>: buckets of equal width in time, each an unsorted linked list; when the bottom runs dry, the next
 *       non-empty bucket is poured into it;</li>
 *   <li><b>top</b>: an unsorted array of events beyond the rung, appended in order (so it is written and read
 *       sequentially) with its minimum and maximum times kept as it fills; when the rung is used up, the top's events
 *       are spread over a new rung with one bucket per event.</li>
 * </ul>
 * An event's tier is a monotone function of its time, so every event in a later tier is strictly later than every
 * event in an earlier one, and the bottom's sequence numbers alone decide ties.
 *
 * <p>Removal is lazy: {@link #remove(int)} marks the id as no longer pending in O(1), and the stale entry is dropped
 * when it reaches the bottom or when stale entries outnumber live ones (a compaction, O(n), amortised over as many
 * removals). Nodes, buckets and the heap are arrays reused from event to event: nothing is allocated in steady state.
 *
 * <p>A small list (fewer than {@value #SMALLEST_RUNG} events when the top is spread) is just its bottom heap, where
 * buckets would cost more than they save; the heap is spread over a rung once it holds more than
 * {@value #LARGEST_HEAP} events. When times are not spread out (all pending events at one instant, or one far
 * outlier), a bucket holds many events and the structure degrades gracefully to the heap at its bottom.
 */
public final class LadderEventList implements EventList {

    private static final int ABSENT = -1;
    private static final int NIL = -1;
    /**
     * Bottom-heap slots before the root. Entries are two longs, so with the root in slot 2 the four children of every
     * node start at a slot {@code 4j + 3}: one 64-byte cache line when the array is line-aligned.
     */
    private static final int OFFSET = 2;
    private static final long SEQUENCE_LIMIT = 1L << 31;
    private static final int MIN_STALE_TO_COMPACT = 64;
    /** A spread of fewer events than this leaves the list a plain heap (its bottom): buckets do not pay off. */
    private static final int SMALLEST_RUNG = 64;
    /** A plain heap that grows past this many entries is spread over a rung. */
    private static final int LARGEST_HEAP = 256;
    /**
     * A bucket bigger than this, on a rung with fewer buckets than an eighth of the pending events (the population
     * has grown since the rung was built), makes the rung be rebuilt for the population it now has.
     */
    private static final int LARGEST_BUCKET = 64;
    /** Longs per node: time key, (sequence << 32 | id), next node. */
    private static final int NODE = 3;

    /** Per id: its pending sequence number, or ABSENT. An entry whose sequence differs is stale. */
    private int[] seqOf;

    private long[] nodes;
    private int nodesUsed;
    private int freeNodes = NIL;

    /**
     * Per bucket {@code b}: {@code rung[2b]} is the head of its list, {@code rung[2b + 1]} the entries pushed into it
     * since it was last emptied (stale ones included; a hint, not a count). Side by side, so that an insertion
     * touches one cache line of the rung.
     */
    private int[] rung;
    private int buckets;
    /** The bucket whose events are in the bottom; buckets after it are still pending. */
    private int current;
    private double rungStart;
    private double inverseWidth;
    /** Events at or after this time go to the top; +infinity while the list is a plain heap. */
    private double topStart = Double.POSITIVE_INFINITY;
    /** The top's entries, (time key, sequence << 32 | id) pairs, stale ones included. */
    private long[] top;
    private int topCount;
    private double topMin = Double.POSITIVE_INFINITY;
    private double topMax = Double.NEGATIVE_INFINITY;

    private long[] bottom;
    private int bottomCount;

    private int live;
    private int stale;
    private long nextSeq;
    private final long sequenceLimit;

    /** An empty list with room for a few events; it grows as needed. */
    public LadderEventList() {
        this(64);
    }

    /**
     * An empty list sized for {@code capacity} pending events.
     *
     * @param capacity the expected number of pending events (at least 1)
     */
    public LadderEventList(int capacity) {
        this(capacity, SEQUENCE_LIMIT);
    }

    /** For tests: a list whose sequence numbers run out after {@code sequenceLimit} insertions. */
    LadderEventList(int capacity, long sequenceLimit) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (sequenceLimit < 2 || sequenceLimit > SEQUENCE_LIMIT) {
            throw new IllegalArgumentException("sequence limit must be in [2, 2^31], was " + sequenceLimit);
        }
        this.sequenceLimit = sequenceLimit;
        seqOf = new int[capacity];
        Arrays.fill(seqOf, ABSENT);
        nodes = new long[NODE * capacity];
        rung = new int[2 * (capacity + 1)];
        emptyBuckets(0, capacity + 1);
        bottom = new long[2 * (Math.min(capacity, 1024) + OFFSET)];
        top = new long[2 * capacity];
    }

    @Override
    public void insert(int id, double time) {
        if (id >= seqOf.length) {
            growIds(id);
        } else if (seqOf[id] != ABSENT) {
            throw new IllegalStateException("event id " + id + " is already pending");
        }
        if (nextSeq == sequenceLimit) {
            renumber();
        }
        int seq = (int) nextSeq++;
        seqOf[id] = seq;
        live++;
        long key = keyOf(time);
        long sid = ((long) seq << 32) | id;
        if (time >= topStart) {
            topAppend(time, key, sid);
        } else {
            double x = (time - rungStart) * inverseWidth;
            if (x < current + 1 || current + 1 >= buckets) {
                bottomInsert(key, sid);
                if (bottomCount > LARGEST_HEAP && topStart == Double.POSITIVE_INFINITY) {
                    spreadHeap();
                }
            } else {
                int b = x >= buckets ? buckets - 1 : (int) x;
                rung[2 * b] = push(rung[2 * b], key, sid);
                rung[2 * b + 1]++;
            }
        }
        // No settling is needed: an empty list has been reset to a plain heap, so its first event is the root.
    }

    @Override
    public double firstTime() {
        return timeOf(bottom[2 * OFFSET]);
    }

    @Override
    public int pollFirst() {
        int first = (int) bottom[2 * OFFSET + 1];
        seqOf[first] = ABSENT;
        live--;
        removeBottomRoot();
        if (bottomCount == 0 || isStale(bottom[2 * OFFSET + 1])) {
            settle();
        }
        return first;
    }

    @Override
    public boolean remove(int id) {
        if (id < 0 || id >= seqOf.length || seqOf[id] == ABSENT) {
            return false;
        }
        seqOf[id] = ABSENT;
        live--;
        stale++;
        if ((int) bottom[2 * OFFSET + 1] == id) {
            settle();
        } else if (stale > live && stale >= MIN_STALE_TO_COMPACT) {
            compact();
        }
        return true;
    }

    @Override
    public boolean contains(int id) {
        return id >= 0 && id < seqOf.length && seqOf[id] != ABSENT;
    }

    @Override
    public int size() {
        return live;
    }

    @Override
    public void clear() {
        for (int k = 0; k < bottomCount; k++) {
            seqOf[(int) bottom[((k + OFFSET) << 1) + 1]] = ABSENT;
        }
        for (int b = current + 1; b < buckets; b++) {
            clearIds(rung[2 * b]);
        }
        for (int i = 0; i < topCount; i++) {
            seqOf[(int) top[2 * i + 1]] = ABSENT;
        }
        reset();
        nextSeq = 0;
    }

    private void clearIds(int node) {
        for (int n = node; n != NIL; n = (int) nodes[NODE * n + 2]) {
            seqOf[(int) nodes[NODE * n + 1]] = ABSENT;
        }
    }

    /** Empties every tier and forgets the rung; ids must already be ABSENT. */
    private void reset() {
        // The rung's buckets are not cleared here: the next spread clears the buckets it uses (a drain is frequent,
        // a spread is paid for by the events it spreads).
        buckets = 0;
        current = 0;
        inverseWidth = 0;
        rungStart = 0;
        topStart = Double.POSITIVE_INFINITY;
        topCount = 0;
        topMin = Double.POSITIVE_INFINITY;
        topMax = Double.NEGATIVE_INFINITY;
        bottomCount = 0;
        nodesUsed = 0;
        freeNodes = NIL;
        live = 0;
        stale = 0;
    }

    /** A long whose signed order is the order of {@link Double#compare} (so -0.0 comes before 0.0). */
    private static long keyOf(double time) {
        long bits = Double.doubleToRawLongBits(time);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static double timeOf(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    private boolean isStale(long sid) {
        return seqOf[(int) sid] != (int) (sid >>> 32);
    }

    /**
     * Restores the invariant that the bottom's root is a live event whenever any event is pending: drops stale roots,
     * pours the next bucket into an empty bottom, and spreads the top over a new rung when the rung is used up.
     */
    private void settle() {
        while (true) {
            while (bottomCount > 0 && isStale(bottom[2 * OFFSET + 1])) {
                removeBottomRoot();
                stale--;
            }
            if (bottomCount > 0) {
                return;
            }
            if (live == 0) {
                reset();
                return;
            }
            do {
                current++;
            } while (current < buckets && rung[2 * current] == NIL);
            if (current < buckets && rung[2 * current + 1] > LARGEST_BUCKET && buckets < live >> 3) {
                respread();
            } else if (current < buckets) {
                pour(rung[2 * current]);
                rung[2 * current] = NIL;
                rung[2 * current + 1] = 0;
            } else {
                spreadTop();
            }
        }
    }

    /** Moves a list's live events into the bottom and frees its nodes. */
    private void pour(int list) {
        long[] nd = nodes;
        int n = list;
        while (n != NIL) {
            int a = NODE * n;
            long sid = nd[a + 1];
            int next = (int) nd[a + 2];
            if (isStale(sid)) {
                stale--;
            } else {
                bottomInsert(nd[a], sid);
            }
            nd[a + 2] = freeNodes;
            freeNodes = n;
            n = next;
        }
    }

    /** Builds a new rung from the top's events, one bucket per event between their earliest and latest times. */
    private void spreadTop() {
        long[] tp = top;
        int count = topCount;
        double min = topMin;
        double max = topMax;
        topCount = 0;
        topMin = Double.POSITIVE_INFINITY;
        topMax = Double.NEGATIVE_INFINITY;
        topStart = count < SMALLEST_RUNG ? Double.POSITIVE_INFINITY : Math.nextUp(max);
        rungStart = min;
        double span = max - min;
        // Equal times (span 0) give an infinite count / span, as does a span too small for count buckets.
        if (count < SMALLEST_RUNG || Double.isInfinite(count / span)) {
            buckets = 0;
            current = 0;
            inverseWidth = 0;
            for (int i = 0; i < count; i++) {
                long sid = tp[2 * i + 1];
                if (isStale(sid)) {
                    stale--;
                } else {
                    bottomInsert(tp[2 * i], sid);
                }
            }
            return;
        }
        if (rung.length < 2 * count) {
            rung = new int[Math.max(2 * count, 2 * rung.length)];
            emptyBuckets(0, rung.length / 2);
        }
        emptyBuckets(0, count);
        buckets = count;
        current = -1;
        inverseWidth = count / span;
        for (int i = 0; i < count; i++) {
            long key = tp[2 * i];
            long sid = tp[2 * i + 1];
            if (isStale(sid)) {
                stale--;
            } else {
                double x = (timeOf(key) - min) * inverseWidth;
                int b = x >= count ? count - 1 : (int) x;
                rung[2 * b] = push(rung[2 * b], key, sid);
                rung[2 * b + 1]++;
            }
        }
    }

    private void emptyBuckets(int from, int count) {
        for (int b = from; b < count; b++) {
            rung[2 * b] = NIL;
            rung[2 * b + 1] = 0;
        }
    }

    /**
     * Moves the rung's remaining events to the top and spreads it again, with one bucket per pending event. Runs only
     * when the rung has fewer buckets than an eighth of the pending events, so the population must grow eightfold
     * between two of these O(n) rebuilds: O(1) amortised per insertion.
     */
    private void respread() {
        for (int b = current; b < buckets; b++) {
            int n = rung[2 * b];
            while (n != NIL) {
                int a = NODE * n;
                long sid = nodes[a + 1];
                int next = (int) nodes[a + 2];
                if (isStale(sid)) {
                    stale--;
                } else {
                    topAppend(timeOf(nodes[a]), nodes[a], sid);
                }
                nodes[a + 2] = freeNodes;
                freeNodes = n;
                n = next;
            }
        }
        spreadTop(); // empties every bucket of the old rung
    }

    /**
     * Turns a plain heap that has grown large into a rung: its entries go to the top, which is spread, and the first
     * bucket is poured back. Runs at most once per {@link #LARGEST_HEAP} - {@link #SMALLEST_RUNG} insertions, since
     * only a spread of fewer than {@link #SMALLEST_RUNG} events makes the list a plain heap again.
     */
    private void spreadHeap() {
        for (int k = 0; k < bottomCount; k++) {
            int a = (k + OFFSET) << 1;
            long sid = bottom[a + 1];
            if (isStale(sid)) {
                stale--;
            } else {
                topAppend(timeOf(bottom[a]), bottom[a], sid);
            }
        }
        bottomCount = 0;
        settle(); // the bottom is empty and a plain heap has no buckets, so this spreads the top
    }

    private void topAppend(double time, long key, long sid) {
        int i = topCount++;
        if (2 * topCount > top.length) {
            top = Arrays.copyOf(top, 2 * top.length);
        }
        top[2 * i] = key;
        top[2 * i + 1] = sid;
        if (time < topMin) {
            topMin = time;
        }
        if (time > topMax) {
            topMax = time;
        }
    }

    /** Drops every stale entry from every tier. */
    private void compact() {
        for (int b = current + 1; b < buckets; b++) {
            rung[2 * b] = dropStale(rung[2 * b]);
        }
        int keptTop = 0;
        for (int i = 0; i < topCount; i++) {
            if (!isStale(top[2 * i + 1])) {
                top[2 * keptTop] = top[2 * i];
                top[2 * keptTop + 1] = top[2 * i + 1];
                keptTop++;
            }
        }
        topCount = keptTop;
        long[] h = bottom;
        int kept = 0;
        for (int k = 0; k < bottomCount; k++) {
            int a = (k + OFFSET) << 1;
            if (!isStale(h[a + 1])) {
                int c = (kept + OFFSET) << 1;
                h[c] = h[a];
                h[c + 1] = h[a + 1];
                kept++;
            }
        }
        bottomCount = kept;
        for (int k = (kept - 2) >> 2; k >= 0; k--) {
            int a = (k + OFFSET) << 1;
            siftDown(k, h[a], h[a + 1]);
        }
        stale = 0;
    }

    private int dropStale(int list) {
        int head = NIL;
        int n = list;
        while (n != NIL) {
            int a = NODE * n;
            int next = (int) nodes[a + 2];
            if (isStale(nodes[a + 1])) {
                nodes[a + 2] = freeNodes;
                freeNodes = n;
            } else {
                nodes[a + 2] = head;
                head = n;
            }
            n = next;
        }
        return head;
    }

    /**
     * Gives the pending events the sequence numbers 0..size-1 in their current order, which keeps FIFO; runs once
     * every two billion insertions.
     */
    private void renumber() {
        compact();
        long[] sids = new long[live];
        int i = 0;
        for (int k = 0; k < bottomCount; k++) {
            sids[i++] = bottom[((k + OFFSET) << 1) + 1];
        }
        for (int b = current + 1; b < buckets; b++) {
            i = collect(rung[2 * b], sids, i);
        }
        for (int t = 0; t < topCount; t++) {
            sids[i++] = top[2 * t + 1];
        }
        Arrays.sort(sids);
        for (int r = 0; r < sids.length; r++) {
            seqOf[(int) sids[r]] = r;
        }
        for (int k = 0; k < bottomCount; k++) {
            int a = ((k + OFFSET) << 1) + 1;
            bottom[a] = renumbered(bottom[a]);
        }
        for (int b = current + 1; b < buckets; b++) {
            renumberList(rung[2 * b]);
        }
        for (int t = 0; t < topCount; t++) {
            top[2 * t + 1] = renumbered(top[2 * t + 1]);
        }
        nextSeq = live;
    }

    private int collect(int list, long[] into, int from) {
        int i = from;
        for (int n = list; n != NIL; n = (int) nodes[NODE * n + 2]) {
            into[i++] = nodes[NODE * n + 1];
        }
        return i;
    }

    private void renumberList(int list) {
        for (int n = list; n != NIL; n = (int) nodes[NODE * n + 2]) {
            nodes[NODE * n + 1] = renumbered(nodes[NODE * n + 1]);
        }
    }

    private long renumbered(long sid) {
        int id = (int) sid;
        return ((long) seqOf[id] << 32) | id;
    }

    /** Prepends a new node to a list and returns the new head. */
    private int push(int head, long key, long sid) {
        int n = freeNodes;
        if (n != NIL) {
            freeNodes = (int) nodes[NODE * n + 2];
        } else {
            if (NODE * (nodesUsed + 1) > nodes.length) {
                nodes = Arrays.copyOf(nodes, 2 * nodes.length);
            }
            n = nodesUsed++;
        }
        int a = NODE * n;
        nodes[a] = key;
        nodes[a + 1] = sid;
        nodes[a + 2] = head;
        return n;
    }

    private void bottomInsert(long key, long sid) {
        if (bottomCount == bottom.length / 2 - OFFSET) {
            bottom = Arrays.copyOf(bottom, 2 * (2 * bottomCount + OFFSET));
        }
        siftUp(bottomCount++, key, sid);
    }

    private void removeBottomRoot() {
        int last = --bottomCount;
        if (last > 0) {
            int a = (last + OFFSET) << 1;
            siftDown(0, bottom[a], bottom[a + 1]);
        }
    }

    private void siftUp(int k, long key, long sid) {
        long[] h = bottom;
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
            k = p;
        }
        int a = (k + OFFSET) << 1;
        h[a] = key;
        h[a + 1] = sid;
    }

    private void siftDown(int k, long key, long sid) {
        long[] h = bottom;
        int n = bottomCount;
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
            k = (m >> 1) - OFFSET;
        }
        int a = (k + OFFSET) << 1;
        h[a] = key;
        h[a + 1] = sid;
    }

    /** For tests: the buckets of the current rung; 0 while the list is a plain heap. */
    int bucketCount() {
        return buckets;
    }

    /** For tests: the events in the bottom heap, stale ones included. */
    int bottomSize() {
        return bottomCount;
    }

    /** For tests: the removed events whose entries are still in some tier. */
    int staleEntries() {
        return stale;
    }

    /**
     * Grows the id index to hold {@code id}, which is at least its length. A negative id never gets here: the index
     * check in {@link #insert} refuses it with an {@link ArrayIndexOutOfBoundsException} before anything changes.
     */
    private void growIds(int id) {
        int old = seqOf.length;
        seqOf = Arrays.copyOf(seqOf, Math.max(old * 2, id + 1));
        Arrays.fill(seqOf, old, seqOf.length, ABSENT);
    }
}
