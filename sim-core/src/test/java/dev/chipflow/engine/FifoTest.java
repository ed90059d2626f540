package dev.chipflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link IntFifo} and {@link DoubleFifo} behave like {@link ArrayDeque} through wrap-around and growth. */
class FifoTest {

    /**
     * Each int is an operation: negative polls (if non-empty), zero clears, positive adds itself. Starting from
     * capacity 1 makes the ring wrap and grow constantly.
     */
    @Property(tries = 300)
    void intFifoMatchesArrayDeque(@ForAll @Size(max = 400) List<@IntRange(min = -40, max = 100) Integer> ops) {
        IntFifo fifo = new IntFifo(1);
        ArrayDeque<Integer> ref = new ArrayDeque<>();
        for (int op : ops) {
            if (op < 0) {
                if (!ref.isEmpty()) {
                    assertEquals(ref.peek(), fifo.peek());
                    assertEquals(ref.poll(), fifo.poll());
                }
            } else if (op == 0) {
                fifo.clear();
                ref.clear();
            } else {
                fifo.add(op);
                ref.add(op);
            }
            assertEquals(ref.size(), fifo.size());
            assertEquals(ref.isEmpty(), fifo.isEmpty());
            assertEquals(ref.toString(), fifo.toString());
        }
        int i = 0;
        for (int v : ref) {
            assertEquals(v, fifo.get(i++));
        }
    }

    @Property(tries = 300)
    void doubleFifoMatchesArrayDeque(@ForAll @Size(max = 400) List<@IntRange(min = -40, max = 100) Integer> ops) {
        DoubleFifo fifo = new DoubleFifo(1);
        ArrayDeque<Double> ref = new ArrayDeque<>();
        for (int op : ops) {
            if (op < 0) {
                if (!ref.isEmpty()) {
                    assertEquals(ref.peek(), fifo.peek());
                    assertEquals(ref.poll(), fifo.poll());
                }
            } else if (op == 0) {
                fifo.clear();
                ref.clear();
            } else {
                fifo.add(op + 0.5);
                ref.add(op + 0.5);
            }
            assertEquals(ref.size(), fifo.size());
        }
        int i = 0;
        for (double v : ref) {
            assertEquals(v, fifo.get(i++));
        }
    }

    @Example
    void emptyAndOutOfRangeAccessIsRefused() {
        IntFifo ints = new IntFifo();
        assertThrows(NoSuchElementException.class, ints::poll);
        assertThrows(NoSuchElementException.class, ints::peek);
        ints.add(1);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> ints.get(1));
        assertTrue(e.getMessage().contains("1"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> ints.get(-1));

        DoubleFifo doubles = new DoubleFifo(0);
        assertTrue(doubles.isEmpty());
        assertEquals("[]", doubles.toString());
        doubles.add(1.5);
        doubles.add(-3.0);
        assertFalse(doubles.isEmpty());
        assertEquals("[1.5, -3.0]", doubles.toString());
        doubles.clear();
        assertThrows(NoSuchElementException.class, doubles::poll);
        doubles.add(2.5);
        assertEquals(2.5, doubles.poll());
        assertThrows(IndexOutOfBoundsException.class, () -> doubles.get(0));
    }
}
