package dev.chipflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact tests of the heap's contract on small cases; {@link HeapEventListFuzzTest} covers random sequences. */
class HeapEventListTest {

    private static List<Integer> drain(EventList list) {
        List<Integer> out = new ArrayList<>();
        while (list.size() > 0) {
            out.add(list.pollFirst());
        }
        return out;
    }

    @Test
    void pollsInTimeOrderThenInsertionOrder() {
        HeapEventList list = new HeapEventList(1);
        list.insert(4, 2.0);
        list.insert(0, 1.0);
        list.insert(9, 2.0);
        list.insert(2, 0.5);
        list.insert(1, 2.0);

        assertEquals(5, list.size());
        assertEquals(0.5, list.firstTime());
        assertEquals(List.of(2, 0, 4, 9, 1), drain(list));
    }

    @Test
    void tiesPollInInsertionOrder() {
        // Six events at day 1: the root and its four children tie; each poll must take the earliest inserted.
        HeapEventList list = new HeapEventList();
        for (int id = 10; id < 16; id++) {
            list.insert(id, 1.0);
        }
        assertEquals(List.of(10, 11, 12, 13, 14, 15), drain(list));
    }

    @Test
    void removeReportsWhetherTheIdWasPending() {
        HeapEventList list = new HeapEventList();
        list.insert(3, 1.0);
        list.insert(5, 1.0);
        list.insert(7, 1.0);

        assertTrue(list.remove(5));
        assertFalse(list.remove(5));
        assertFalse(list.remove(6), "never inserted");
        assertFalse(list.remove(1_000_000), "beyond the id range");
        assertFalse(list.remove(-1));
        assertFalse(list.contains(5));
        assertTrue(list.contains(3));
        assertEquals(List.of(3, 7), drain(list));
    }

    @Test
    void removingTheHeadPromotesTheNextInOrder() {
        HeapEventList list = new HeapEventList();
        for (int id = 0; id < 20; id++) {
            list.insert(id, 20 - id);
        }
        assertTrue(list.remove(19));
        assertEquals(2.0, list.firstTime());
        assertEquals(18, list.pollFirst());
    }

    @Test
    void anIdCanBeReinsertedAfterItLeaves() {
        HeapEventList list = new HeapEventList();
        list.insert(0, 5.0);
        list.insert(1, 5.0);
        assertEquals(0, list.pollFirst());
        list.insert(0, 5.0);
        assertEquals(List.of(1, 0), drain(list), "the re-inserted id queues behind the earlier one");
    }

    @Test
    void insertingAPendingIdIsRefused() {
        HeapEventList list = new HeapEventList();
        list.insert(2, 1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> list.insert(2, 3.0));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
        assertEquals(1, list.size());
    }

    @Test
    void negativeIdsAndCapacitiesAreRefused() {
        HeapEventList list = new HeapEventList(8);
        // Ids are non-negative by contract; a negative one must be refused without damaging the list.
        assertThrows(RuntimeException.class, () -> list.insert(-3, 1.0));
        assertEquals(0, list.size());
        list.insert(3, 1.0);
        assertEquals(3, list.pollFirst());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HeapEventList(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void clearEmptiesAndTheListIsReusable() {
        HeapEventList list = new HeapEventList();
        for (int id = 0; id < 100; id++) {
            list.insert(id, id % 7);
        }
        list.clear();
        assertEquals(0, list.size());
        assertFalse(list.contains(42));
        list.insert(42, 1.0);
        list.insert(41, 0.0);
        assertEquals(List.of(41, 42), drain(list));
    }
}
