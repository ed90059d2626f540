package dev.chipflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exact tests of {@link LadderEventList} in each of its shapes: a plain heap, a rung with buckets and a top, a rung
 * rebuilt for a grown population, compaction and renumbering. The order every test expects is the contract itself,
 * worked out by hand: ids by time, ties in the order they were inserted ({@link Expected}). The shapes come from the
 * class's thresholds: a plain heap spreads at its 257th event (more than LARGEST_HEAP = 256); a spread of fewer than
 * SMALLEST_RUNG = 64 events stays a heap; a bucket that received more than LARGEST_BUCKET = 64 events is respread
 * when the rung has fewer buckets than an eighth of the pending events; removals compact once stale entries
 * outnumber live ones and are at least 64.
 */
class LadderEventListTest {

    /** The contract by hand: the pending ids, sorted by time with ties in insertion order (a stable sort). */
    private static final class Expected {
        private final LadderEventList list;
        private final Map<Integer, Double> pending = new LinkedHashMap<>();

        Expected(LadderEventList list) {
            this.list = list;
        }

        void insert(int id, double time) {
            list.insert(id, time);
            pending.put(id, time);
        }

        void remove(int id) {
            assertTrue(list.remove(id), "remove " + id);
            pending.remove(id);
        }

        List<Integer> order() {
            List<Map.Entry<Integer, Double>> entries = new ArrayList<>(pending.entrySet());
            entries.sort(Map.Entry.comparingByValue()); // List.sort is stable: ties keep insertion order
            List<Integer> ids = new ArrayList<>();
            for (Map.Entry<Integer, Double> e : entries) {
                ids.add(e.getKey());
            }
            return ids;
        }

        /** Polls {@code n} events, each the earliest pending by the contract. */
        void poll(int n) {
            List<Integer> order = order();
            for (int i = 0; i < n; i++) {
                int id = order.get(i);
                assertEquals(pending.get(id), list.firstTime(), "time of the earliest event, poll " + i);
                assertEquals(id, list.pollFirst(), "poll " + i);
                pending.remove(id);
            }
            assertEquals(pending.size(), list.size());
        }

        void drain() {
            assertEquals(pending.size(), list.size());
            poll(pending.size());
            assertEquals(0, list.size());
        }
    }

    /**
     * Ids 0..255 at days 0..255, then id 256 at day 257: the 257th insertion spreads the heap over 257 buckets of
     * width (257 - 0) / 257 = 1 day, so bucket b holds the event at day b, and day 257 (x = 257, past the last
     * bucket) goes to the last one, 256. The first bucket (day 0, id 0) is poured into the bottom.
     */
    private static void spread257(Expected e, double shift) {
        for (int i = 0; i < 256; i++) {
            e.insert(i, i + shift);
        }
        e.insert(256, 257 + shift);
    }

    @Test
    void aPlainHeapSpreadsAtItsTwoHundredAndFiftySeventhEvent() {
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        for (int i = 0; i < 100; i++) {
            e.insert(i, i);
        }
        assertEquals(0, list.bucketCount(), "100 events: still a plain heap");
        for (int i = 100; i < 256; i++) {
            e.insert(i, i);
        }
        assertEquals(0, list.bucketCount(), "256 events: still a plain heap");
        assertEquals(256, list.bottomSize());
        e.insert(256, 257);
        assertEquals(257, list.bucketCount(), "the 257th spreads: one bucket per event");
        assertEquals(1, list.bottomSize(), "only the first bucket (day 0) is in the bottom");
        e.drain();
        assertEquals(0, list.bucketCount(), "an emptied list is a plain heap again");
    }

    @Test
    void bucketsFollowTheSpanOfTheSpreadEvents() {
        // Days 100..355 and 357: the span is 257 days over 257 buckets, 1 day each from day 100, so the bottom
        // holds the first bucket only, the event at day 100. (A width computed from max + min instead of max - min
        // would be 457 / 257 = 1.78 days and put days 100 and 101 in the first bucket.)
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        spread257(e, 100);
        assertEquals(1, list.bottomSize());
        e.poll(1);
        assertEquals(1, list.bottomSize(), "the next bucket, day 101, alone");
        e.drain();
    }

    @Test
    void aTieAtABucketBoundaryStaysFifo() {
        // After spread257 the bottom holds bucket 0 and bucket 1 holds id 1 at day 1. Id 300 at day 1 lands at
        // x = 1.0, exactly the start of bucket 1, so it joins id 1 there, and pouring the bucket keeps FIFO:
        // 0, 1, 300, 2, 3, ..., 255, 256.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        spread257(e, 0);
        e.insert(300, 1.0);
        List<Integer> expected = new ArrayList<>(List.of(0, 1, 300));
        for (int i = 2; i <= 256; i++) {
            expected.add(i);
        }
        assertEquals(expected, e.order());
        e.drain();
    }

    @Test
    void tiesInTheBottomPollInInsertionOrder() {
        // Six events at day 1: the root and its four children tie; each poll must take the earliest inserted.
        LadderEventList list = new LadderEventList();
        for (int id = 10; id < 16; id++) {
            list.insert(id, 1.0);
        }
        List<Integer> polled = new ArrayList<>();
        while (list.size() > 0) {
            polled.add(list.pollFirst());
        }
        assertEquals(List.of(10, 11, 12, 13, 14, 15), polled);
    }

    @Test
    void negativeTimesOrderBeforeLaterOnes() {
        // Times are any finite doubles: -2 < -1 < -0.5 < 3. The first insertion, at -1, is the root of an empty heap.
        LadderEventList list = new LadderEventList();
        list.insert(5, -1.0);
        assertEquals(-1.0, list.firstTime());
        list.insert(6, -2.0);
        list.insert(7, 3.0);
        list.insert(8, -0.5);
        assertEquals(-2.0, list.firstTime());
        assertEquals(6, list.pollFirst());
        assertEquals(5, list.pollFirst());
        assertEquals(-0.5, list.firstTime());
        assertEquals(8, list.pollFirst());
        assertEquals(7, list.pollFirst());

        // The same spread over a rung: spread257 shifted 300 days into the past.
        LadderEventList rung = new LadderEventList();
        Expected e = new Expected(rung);
        spread257(e, -300);
        assertEquals(257, rung.bucketCount());
        assertEquals(1, rung.bottomSize());
        e.drain();
    }

    @Test
    void aStaleRootIsSkippedAfterAPoll() {
        // 1, 2, 3 at days 1, 2, 3; removing 2 leaves its entry in the heap. Polling 1 makes it the root, which must
        // be dropped: the next event is 3 at day 3.
        LadderEventList list = new LadderEventList();
        list.insert(1, 1.0);
        list.insert(2, 2.0);
        list.insert(3, 3.0);
        assertTrue(list.remove(2));
        assertEquals(1, list.staleEntries());
        assertEquals(1, list.pollFirst());
        assertEquals(0, list.staleEntries(), "the stale root was dropped");
        assertEquals(3.0, list.firstTime());
        assertEquals(3, list.pollFirst());
        assertEquals(0, list.size());
    }

    @Test
    void theFirstRungOfAListSizedForItNeedsNoGrowth() {
        // Capacity 256 makes room for 257 buckets, exactly what spread257 uses, so the spread reuses them as made.
        LadderEventList list = new LadderEventList(256);
        Expected e = new Expected(list);
        spread257(e, 0);
        assertEquals(257, list.bucketCount());
        e.drain();
    }

    @Test
    void clearEmptiesEveryTierAndTheListIsReusable() {
        // Capacity 256: 257 buckets and a top of 256 entries. spread257 fills every bucket; moving the heap to the
        // top grows it to 512 entries; then 512 events after day 257 fill the top exactly (days 300..811).
        LadderEventList list = new LadderEventList(256);
        Expected e = new Expected(list);
        spread257(e, 0);
        for (int k = 0; k < 512; k++) {
            e.insert(1000 + k, 300 + k);
        }
        e.insert(2000, 0.5); // in the bottom, beside id 0
        assertEquals(257 + 512 + 1, list.size());

        list.clear();

        assertEquals(0, list.size());
        assertEquals(0, list.bucketCount());
        assertEquals(0, list.bottomSize());
        for (int id : e.pending.keySet()) {
            assertFalse(list.contains(id), "cleared: " + id);
        }
        // Every id can be inserted again (none is still pending), and a new rung works as on a new list.
        Expected again = new Expected(list);
        for (int k = 0; k < 512; k++) {
            again.insert(1000 + k, 5.0);
        }
        spread257(again, 0);
        again.insert(2000, 0.5);
        again.drain();
    }

    @Test
    void removalsInAPlainHeapCompactWhenStaleOutnumberLive() {
        // 200 events, ids 0..199 at days 0..199; the root is id 0 and no removal touches it.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        for (int i = 0; i < 200; i++) {
            e.insert(i, i);
        }
        for (int id = 100; id < 199; id++) {
            e.remove(id);
        }
        assertEquals(99, list.staleEntries(), "99 stale against 101 live: kept");
        e.remove(199);
        assertEquals(100, list.staleEntries(), "100 against 100: not more, kept");
        e.remove(99);
        assertEquals(0, list.staleEntries(), "101 against 99: compacted");
        assertEquals(99, list.bottomSize());
        e.drain();

        // Stale outnumbering live is not enough below 64 stale entries: 20 events, 15 removed.
        LadderEventList small = new LadderEventList();
        Expected s = new Expected(small);
        for (int i = 0; i < 20; i++) {
            s.insert(i, i);
        }
        for (int id = 5; id < 20; id++) {
            s.remove(id);
        }
        assertEquals(15, small.staleEntries());
        assertEquals(20, small.bottomSize());
        s.drain();

        // Exactly 64 stale against 63 live compacts: 127 events, ids 63..126 removed.
        LadderEventList edge = new LadderEventList();
        Expected g = new Expected(edge);
        for (int i = 0; i < 127; i++) {
            g.insert(i, i);
        }
        for (int id = 63; id < 126; id++) {
            g.remove(id);
        }
        assertEquals(63, edge.staleEntries(), "63 stale against 64 live");
        g.remove(126);
        assertEquals(0, edge.staleEntries(), "64 stale against 63 live: compacted");
        g.drain();
    }

    @Test
    void compactionDropsStaleEntriesFromTheBottomTheBucketsAndTheTop() {
        // spread257 (the bottom holds id 0, buckets 1..256 one event each), 20 more in the bottom (ids
        // 2000..2019 at day 0.5, x = 0.5 < 1), and 300 in the top (ids 1000..1299 at days 300 + k % 7, so with
        // ties): 577 live. Removing 10 from the bottom, the 256 in buckets and ids 1000..1022 from the top is 289
        // removals, none of them the root (id 0): the 289th makes 289 stale against 288 live, and compacts.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        spread257(e, 0);
        for (int k = 0; k < 20; k++) {
            e.insert(2000 + k, 0.5);
        }
        for (int k = 0; k < 300; k++) {
            e.insert(1000 + k, 300 + k % 7);
        }
        for (int id = 2000; id < 2010; id++) {
            e.remove(id);
        }
        for (int id = 1; id <= 256; id++) {
            e.remove(id);
        }
        for (int id = 1000; id < 1022; id++) {
            e.remove(id);
        }
        assertEquals(288, list.staleEntries());
        assertEquals(21, list.bottomSize());
        e.remove(1022);
        assertEquals(0, list.staleEntries());
        assertEquals(11, list.bottomSize(), "id 0 and ids 2010..2019");
        for (int id = 1; id <= 256; id++) {
            assertFalse(list.contains(id));
        }
        // Left: 0 at day 0, 2010..2019 at day 0.5, then 1023..1299 by day 300 + k % 7, ties in id order.
        e.drain();
    }

    @Test
    void renumberingInARungKeepsEveryTieInOrder() {
        // Sequence numbers run out after 600 insertions; the 601st renumbers the pending events 0..live-1 first.
        LadderEventList list = new LadderEventList(1, 600);
        Expected e = new Expected(list);
        spread257(e, 0);                                    // 257 insertions
        for (int k = 0; k < 5; k++) {
            e.insert(2000 + k, 0.5);                        // the bottom, beside id 0
            e.insert(500 + k, 10.5);                        // bucket 10
        }
        for (int k = 0; k < 100; k++) {
            e.insert(1000 + k, 300 + k % 10);               // the top, with ties: 367 insertions
        }
        e.remove(3);
        e.remove(1005);
        for (int id = 30; id < 256; id++) {
            e.remove(id);                                   // 228 removed in all
        }
        for (int k = 0; k < 5; k++) {
            e.insert(3000 + k, 10.5);                       // bucket 10 again: 372
        }
        for (int k = 5; k < 230; k++) {
            e.insert(3000 + k, 300 + k % 10);               // the top: 597
        }
        // Polling days 0..9 and 0.5 (0, 2000..2004, 1, 2, 4, ..., 9: 14 events) pours bucket 10 into the bottom:
        // id 10 and the ties at 10.5, which the pour inserts last-pushed first, so the bottom's array is not in
        // insertion order.
        e.poll(14);
        e.insert(6000, 20.5);                               // bucket 20: number 597
        e.insert(7000, 300);                                // the top: 598
        e.insert(8000, 10.5);                               // the bottom: 599, the 600th insertion
        // 600 - 228 - 14 = 358 pending: renumbered 0..357 in their order; each tie inserted now, with a number
        // from 358 on, must still come after the tie of the same tier inserted just before (numbers 597..599).
        e.insert(4000, 10.5);
        e.insert(6001, 20.5);
        e.insert(7001, 300);
        e.drain();
    }

    @Test
    void renumberingWithTheSmallestLimit() {
        // Limit 2: the third insertion renumbers the two pending events (to 0 and 1) and takes number 2.
        LadderEventList list = new LadderEventList(1, 2);
        list.insert(7, 1.0);
        list.insert(3, 1.0);
        list.insert(5, 1.0);
        assertEquals(7, list.pollFirst());
        assertEquals(3, list.pollFirst());
        assertEquals(5, list.pollFirst());
        new LadderEventList(1, 1L << 31); // the largest limit is allowed
        assertThrows(IllegalArgumentException.class, () -> new LadderEventList(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LadderEventList(1, (1L << 31) + 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LadderEventList(0));
        assertTrue(e.getMessage().contains("was 0"), e.getMessage());
    }

    /**
     * spread257, then {@code inBucket5} events at day 5.5 (bucket 5; its count is 1 + inBucket5) and {@code inTop}
     * at days 300 + k % 7; polls ids 0..4, which takes the rung to bucket 5, and returns the list there.
     */
    private static LadderEventList toBucketFive(Expected e, LadderEventList list, int inBucket5, int inTop) {
        spread257(e, 0);
        for (int k = 0; k < inBucket5; k++) {
            e.insert(5000 + k, 5.5);
        }
        for (int k = 0; k < inTop; k++) {
            e.insert(10_000 + k, 300 + k % 7);
        }
        e.poll(5);
        return list;
    }

    @Test
    void aCrowdedBucketIsRespreadWhenThePopulationOutgrowsTheRung() {
        // Bucket 5 received 1 + 64 = 65 > 64 events, and after 5 polls 257 + 64 + 2000 - 5 = 2316 are pending,
        // 2316 >> 3 = 289 > 257 buckets: the rung is rebuilt with one bucket per pending event.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        toBucketFive(e, list, 64, 2000);
        assertEquals(2316, list.bucketCount());
        e.drain();
    }

    @Test
    void aBucketOfSixtyFourIsNotRespread() {
        // 1 + 63 = 64 events in bucket 5: not more than 64, the rung stays.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        toBucketFive(e, list, 63, 2000);
        assertEquals(257, list.bucketCount());
        e.drain();
    }

    @Test
    void aRungWithAnEighthOfThePopulationIsNotRespread() {
        // 65 events in bucket 5, but 257 + 64 + 1740 - 5 = 2056 pending: 2056 >> 3 = 257, not more than 257.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        toBucketFive(e, list, 64, 1740);
        assertEquals(257, list.bucketCount());
        e.drain();
    }

    @Test
    void aRespreadDropsStaleEntries() {
        // As the first respread test with id 100 (bucket 100) removed first: 2315 pending after the polls, still
        // 2315 >> 3 = 289 > 257; the rebuilt rung holds the 2315 live events and no stale entry.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        spread257(e, 0);
        e.remove(100);
        for (int k = 0; k < 64; k++) {
            e.insert(5000 + k, 5.5);
        }
        for (int k = 0; k < 2000; k++) {
            e.insert(10_000 + k, 300 + k % 7);
        }
        assertEquals(1, list.staleEntries());
        e.poll(5);
        assertEquals(2315, list.bucketCount());
        assertEquals(0, list.staleEntries());
        e.drain();
    }

    @Test
    void staleEntriesAreCountedUntilDropped() {
        // A bucket: id 7 removed from bucket 7 stays counted until its bucket is poured (after polling 0..6).
        LadderEventList rung = new LadderEventList();
        Expected r = new Expected(rung);
        spread257(r, 0);
        r.remove(7);
        r.poll(6);
        assertEquals(1, rung.staleEntries(), "bucket 7 not poured yet");
        r.poll(1);
        assertEquals(0, rung.staleEntries(), "poured: dropped");
        // Stale entries left in later buckets when the last live event goes: the emptied list forgets them.
        r.remove(256);
        r.drain();
        assertEquals(0, rung.staleEntries());
        assertEquals(0, rung.bucketCount());

        // A plain heap that spreads drops its stale entries: 256 events, one removed, then the 257th.
        LadderEventList heap = new LadderEventList();
        Expected h = new Expected(heap);
        for (int i = 0; i < 256; i++) {
            h.insert(i, i);
        }
        h.remove(100);
        assertEquals(1, heap.staleEntries());
        h.insert(256, 257);
        assertEquals(0, heap.staleEntries());
        assertEquals(256, heap.bucketCount(), "256 live events spread");
        h.drain();

        // The top, spread over a rung (100 events) or back into a heap (10 events), drops its stale entries.
        for (int topEvents : new int[] {100, 10}) {
            LadderEventList list = new LadderEventList();
            Expected t = new Expected(list);
            spread257(t, 0);
            for (int k = 0; k < topEvents; k++) {
                t.insert(1000 + k, 300 + k);
            }
            t.remove(1001);
            assertEquals(1, list.staleEntries());
            t.poll(257);
            assertEquals(0, list.staleEntries(), topEvents + " top events spread");
            // 100 entries (the stale one included) make 100 buckets; 10 are fewer than 64 and make a plain heap.
            assertEquals(topEvents >= 64 ? topEvents : 0, list.bucketCount());
            t.drain();
        }
    }

    @Test
    void aBottomThatOutgrowsTheHeapLimitInsideARungStaysPut() {
        // In a rung, 300 events at day 0.5 go to the bottom (x < 1) beside id 0: 301 > 256 entries, which only a
        // plain heap spreads; the rung and its buckets stay.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        spread257(e, 0);
        for (int k = 0; k < 300; k++) {
            e.insert(1000 + k, 0.5);
        }
        assertEquals(301, list.bottomSize());
        assertEquals(257, list.bucketCount());
        e.drain();
    }

    @Test
    void compactionRestoresTheHeapOrder() {
        // 127 events at decreasing days (id i at day 126 - i), so each new one rises to the root and the heap's
        // array is far from sorted. Removing ids 0..63 (days 126..63; the root is id 126) makes 64 stale against
        // 63 live and compacts; the entries left are moved together and the heap rebuilt: 126, 125, ..., 64.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        for (int i = 0; i < 127; i++) {
            e.insert(i, 126 - i);
        }
        for (int id = 0; id < 64; id++) {
            e.remove(id);
        }
        assertEquals(0, list.staleEntries());
        assertEquals(63, list.bottomSize());
        e.drain();
    }

    @Test
    void compactionKeepsOnlyTheTopsOwnEntries() {
        // Spreading the heap of spread257 appended its 257 entries to the top and then emptied it, so the top's
        // array past its count still holds copies of those (live) events. With 10 events in the top (ids
        // 1000..1009) and 300 at day 0.5 in the bottom (ids 2000..2299) removed, the 284th removal makes 284 stale
        // against 567 - 284 = 283 live and compacts; the top keeps its 10 entries and nothing else.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        spread257(e, 0);
        for (int k = 0; k < 10; k++) {
            e.insert(1000 + k, 300 + k);
        }
        for (int k = 0; k < 300; k++) {
            e.insert(2000 + k, 0.5);
        }
        for (int k = 0; k < 284; k++) {
            e.remove(2000 + k);
        }
        assertEquals(0, list.staleEntries(), "compacted at the 284th removal");
        for (int k = 284; k < 300; k++) {
            e.remove(2000 + k);
        }
        assertEquals(16, list.staleEntries());
        // Polling the 257 events of the rung drops the 16 stale entries on the way; then the top, holding only its
        // own 10 live entries, becomes a plain heap with nothing stale (a stray copy would be dropped as stale
        // here, one more than was counted).
        e.poll(257);
        assertEquals(0, list.staleEntries());
        assertEquals(10, list.bottomSize());
        e.drain();
    }

    @Test
    void aTopOfSixtyFourEventsBecomesARungThatKeepsATop() {
        // spread257, then 64 events in the top (ids 1000..1063 at days 300..363). When the rung is used up, the
        // top's 64 events (not fewer than 64) are spread over 64 buckets of 63 / 64 days, and later events still
        // go to a top. 300 events at day 300.5 (bucket 0, x = 0.5 * 64 / 63 < 1) then make a bottom of 301, which
        // stays a bottom.
        LadderEventList list = new LadderEventList();
        Expected e = new Expected(list);
        spread257(e, 0);
        for (int k = 0; k < 64; k++) {
            e.insert(1000 + k, 300 + k);
        }
        e.poll(257);
        assertEquals(64, list.bucketCount());
        assertEquals(1, list.bottomSize());
        for (int k = 0; k < 300; k++) {
            e.insert(2000 + k, 300.5);
        }
        assertEquals(301, list.bottomSize());
        e.insert(3000, 1000);
        e.drain();
    }

    @Test
    void containsChecksTheIdRange() {
        LadderEventList list = new LadderEventList(8);
        assertFalse(list.contains(8), "just past the id index");
        assertFalse(list.contains(-1));
        list.insert(0, 1.0);
        assertTrue(list.contains(0));
        HeapEventList heap = new HeapEventList(8);
        assertFalse(heap.contains(8), "just past the id index");
        assertFalse(heap.contains(-1));
        heap.insert(0, 1.0);
        assertTrue(heap.contains(0));
    }
}
