package dev.chipflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chipflow.random.RandomStreams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Replays random sequences of insert / poll / remove / contains / clear on {@link HeapEventList} and on a plain
 * reference, a {@link TreeMap} keyed by (time, insertion sequence), and requires identical answers after every step.
 * Most times come from a set of five integers, so ties (and their FIFO order) are the common case, not the exception.
 */
class HeapEventListFuzzTest {

    enum Kind { INSERT, POLL, REMOVE, CONTAINS, CLEAR }

    record Op(Kind kind, int id, double time) { }

    /** The reference: obviously correct, slow enough not to matter here. */
    static final class Reference {
        record Key(double time, long seq) implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                int c = Double.compare(time, o.time);
                return c != 0 ? c : Long.compare(seq, o.seq);
            }
        }

        private final TreeMap<Key, Integer> byKey = new TreeMap<>();
        private final Map<Integer, Key> keyOf = new HashMap<>();
        private long nextSeq;

        boolean contains(int id) {
            return keyOf.containsKey(id);
        }

        void insert(int id, double time) {
            Key k = new Key(time, nextSeq++);
            byKey.put(k, id);
            keyOf.put(id, k);
        }

        double firstTime() {
            return byKey.firstKey().time();
        }

        int pollFirst() {
            Map.Entry<Key, Integer> e = byKey.pollFirstEntry();
            keyOf.remove(e.getValue());
            return e.getValue();
        }

        boolean remove(int id) {
            Key k = keyOf.remove(id);
            return k != null && byKey.remove(k) != null;
        }

        int size() {
            return byKey.size();
        }

        void clear() {
            byKey.clear();
            keyOf.clear();
        }
    }

    /** Applies one operation to both and checks that they agree. */
    private static void apply(Op op, EventList heap, Reference ref) {
        switch (op.kind()) {
            case INSERT:
                if (ref.contains(op.id())) {
                    assertThrows(IllegalStateException.class, () -> heap.insert(op.id(), op.time()));
                } else {
                    heap.insert(op.id(), op.time());
                    ref.insert(op.id(), op.time());
                }
                break;
            case POLL:
                if (ref.size() > 0) {
                    assertEquals(ref.firstTime(), heap.firstTime());
                    assertEquals(ref.pollFirst(), heap.pollFirst());
                }
                break;
            case REMOVE:
                assertEquals(ref.remove(op.id()), heap.remove(op.id()), () -> "remove " + op.id());
                break;
            case CONTAINS:
                assertEquals(ref.contains(op.id()), heap.contains(op.id()), () -> "contains " + op.id());
                break;
            case CLEAR:
                heap.clear();
                ref.clear();
                break;
            default:
                throw new AssertionError(op);
        }
        assertEquals(ref.size(), heap.size(), () -> "size after " + op);
        if (ref.size() > 0) {
            assertEquals(ref.firstTime(), heap.firstTime(), () -> "first time after " + op);
        }
    }

    private static void drainAndCompare(EventList heap, Reference ref) {
        while (ref.size() > 0) {
            assertEquals(ref.firstTime(), heap.firstTime());
            assertEquals(ref.pollFirst(), heap.pollFirst());
        }
        assertEquals(0, heap.size());
    }

    @Property(tries = 400)
    void agreesWithTheReference(@ForAll("operations") List<Op> ops, @ForAll("capacities") int capacity) {
        replay(ops, new HeapEventList(capacity));
    }

    @Property(tries = 400)
    void ladderAgreesWithTheReference(@ForAll("operations") List<Op> ops, @ForAll("capacities") int capacity) {
        replay(ops, new LadderEventList(capacity));
    }

    /**
     * Sequence numbers that run out every 200 insertions force the ladder to renumber its pending events (in real
     * runs, once every 2^31 insertions); ties must stay FIFO across it. Ids go up to 150, so fewer than 200 events
     * are ever pending, as the renumbering requires.
     */
    @Property(tries = 300)
    void ladderRenumberingKeepsTheOrder(@ForAll("operations") List<Op> ops) {
        replay(ops, new LadderEventList(1, 200));
    }

    private static void replay(List<Op> ops, EventList heap) {
        Reference ref = new Reference();
        for (Op op : ops) {
            apply(op, heap, ref);
        }
        drainAndCompare(heap, ref);
    }

    @Provide
    Arbitrary<Integer> capacities() {
        return Arbitraries.of(1, 2, 64);
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(50, Kind.INSERT), Tuple.of(25, Kind.POLL), Tuple.of(20, Kind.REMOVE),
                Tuple.of(5, Kind.CONTAINS), Tuple.of(1, Kind.CLEAR));
        // Ids beyond the default capacity (64) exercise the growth of the position index.
        Arbitrary<Integer> ids = Arbitraries.integers().between(0, 150);
        Arbitrary<Double> times = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 4).map(i -> (double) i)),
                Tuple.of(1, Arbitraries.doubles().between(0, 1000)));
        return Combinators.combine(kinds, ids, times).as(Op::new).list().ofMaxSize(1500);
    }

    /**
     * One long fixed-seed replay that pushes the heap to thousands of entries and back, in phases that favour
     * insertion and then removal, with times from ten integers so that most entries tie with many others.
     */
    @Example
    void longReplayThroughGrowthAndShrinkage() {
        longReplay(new HeapEventList(1));
    }

    @Example
    void ladderLongReplayThroughGrowthAndShrinkage() {
        longReplay(new LadderEventList(1));
    }

    private static void longReplay(EventList heap) {
        UniformRandomProvider rng = RandomStreams.of(20260401L).stream("heap.fuzz");
        Reference ref = new Reference();
        for (int step = 0; step < 400_000; step++) {
            boolean growing = (step / 50_000) % 2 == 0;
            int r = rng.nextInt(100);
            Kind kind;
            if (r < (growing ? 60 : 25)) {
                kind = Kind.INSERT;
            } else if (r < 80) {
                kind = Kind.POLL;
            } else if (r < 97) {
                kind = Kind.REMOVE;
            } else {
                kind = Kind.CONTAINS;
            }
            double time = rng.nextInt(10);
            apply(new Op(kind, rng.nextInt(50_000), time), heap, ref);
        }
        drainAndCompare(heap, ref);
    }
}
