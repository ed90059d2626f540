package dev.chipflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    /** A result with two outputs, declared in the order z then a. */
    record Out(double z, double a) implements Scalars {
        @Override
        public Map<String, Double> scalars() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("z", z);
            m.put("a", a);
            return m;
        }
    }

    private static final List<Out> A = List.of(new Out(1, 10), new Out(2, 20), new Out(3, 30));
    private static final List<Out> B = List.of(new Out(2, 10), new Out(4, 25), new Out(6, 30));

    @Test
    void keepsTheModelsOutputOrderAndSummarisesEachOutput() {
        SummaryTable t = SummaryTable.of(A);
        assertEquals(List.of("z", "a"), List.copyOf(t.outputs().keySet()));
        assertEquals(2.0, t.get("z").mean());
        assertEquals(20.0, t.get("a").mean());
        assertEquals(3, t.get("a").n());
    }

    @Test
    void differencesArePairedReplicationByReplication() {
        SummaryTable d = SummaryTable.differences(A, B);
        // z: b - a = 1, 2, 3; a: b - a = 0, 5, 0.
        assertEquals(2.0, d.get("z").mean());
        assertEquals(1.0, d.get("z").sd());
        assertEquals(5.0 / 3, d.get("a").mean(), 1e-15);
    }

    @Test
    void anOutputUndefinedInSomeReplicationsIsSummarisedOverTheOthers() {
        // 'a' is undefined (NaN) in the second replication, as a lead time is where nothing was delivered.
        List<Out> gaps = List.of(new Out(1, 10), new Out(2, Double.NaN), new Out(3, 30));
        SummaryTable t = SummaryTable.of(gaps);
        assertEquals(20.0, t.get("a").mean(), "mean of 10 and 30");
        assertEquals(2, t.get("a").n(), "over 2 of 3 replications");
        assertEquals(3, t.get("z").n());
        SummaryTable d = SummaryTable.differences(gaps, B);
        // b - a where both are defined: 10 - 10 = 0, 30 - 30 = 0.
        assertEquals(0.0, d.get("a").mean());
        assertEquals(2, d.get("a").n(), "paired over the replications where both are defined");
    }

    @Test
    void misuseIsRefusedWithAMessage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SummaryTable.of(A).get("b"));
        assertTrue(unknown.getMessage().contains("'b'") && unknown.getMessage().contains("[z, a]"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SummaryTable.of(List.of()));
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> SummaryTable.differences(A, B.subList(0, 2)));
        assertTrue(lengths.getMessage().contains("3 vs 2"), lengths.getMessage());

        // b has an output a lacks (a firm of b only): it must not vanish from the table silently.
        Scalars extra = () -> Map.of("z", 1.0, "a", 2.0, "Moonshot.delivered", 0.0);
        IllegalArgumentException unpaired = assertThrows(IllegalArgumentException.class,
                () -> SummaryTable.differences(A.subList(0, 1), List.of(extra)));
        assertTrue(unpaired.getMessage().contains("only in b: [Moonshot.delivered]")
                && unpaired.getMessage().contains("withFirmsOf"), unpaired.getMessage());

        Scalars missing = () -> Map.of("z", 1.0);
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> SummaryTable.of(List.of(A.get(0), missing)));
        assertTrue(gap.getMessage().contains("'a'"), gap.getMessage());
    }

    @Test
    void theTableIsACopy() {
        Map<String, dev.chipflow.stats.Summary> source = new LinkedHashMap<>(SummaryTable.of(A).outputs());
        SummaryTable t = new SummaryTable(source);
        source.clear();
        assertEquals(2, t.outputs().size());
        assertThrows(UnsupportedOperationException.class, () -> t.outputs().clear());
    }

    /** A result with {@code outputs} outputs that counts how often its map is built, as SupplyResult builds it anew. */
    static final class Counting implements Scalars {
        private final int outputs;
        private final double base;
        private final java.util.concurrent.atomic.AtomicLong calls;

        Counting(int outputs, double base, java.util.concurrent.atomic.AtomicLong calls) {
            this.outputs = outputs;
            this.base = base;
            this.calls = calls;
        }

        @Override
        public Map<String, Double> scalars() {
            calls.incrementAndGet();
            Map<String, Double> m = new LinkedHashMap<>();
            for (int k = 0; k < outputs; k++) {
                m.put("out" + k, base + k);
            }
            return m;
        }
    }

    /**
     * The work is linear in outputs x replications: each replication's map is built once, whatever the number of
     * outputs. An implementation that asked a replication for its map once per output (quadratic: 3,000 outputs x 20
     * replications took seconds) makes 500 x 20 = 10,000 calls here instead of 20.
     */
    @Test
    void eachReplicationsOutputsAreBuiltOnce() {
        int outputs = 500;
        int replications = 20;
        java.util.concurrent.atomic.AtomicLong callsA = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong callsB = new java.util.concurrent.atomic.AtomicLong();
        List<Counting> a = new java.util.ArrayList<>();
        List<Counting> b = new java.util.ArrayList<>();
        for (int r = 0; r < replications; r++) {
            a.add(new Counting(outputs, r, callsA));
            b.add(new Counting(outputs, 2 * r, callsB));
        }
        SummaryTable t = SummaryTable.of(a);
        assertEquals(replications, callsA.get(), "scalars() calls for " + replications + " replications");
        assertEquals(outputs, t.outputs().size());
        assertEquals(9.5 + 7, t.get("out7").mean(), 1e-12);
        callsA.set(0);
        SummaryTable d = SummaryTable.differences(a, b);
        assertEquals(replications, callsA.get());
        assertEquals(replications, callsB.get());
        assertEquals(9.5, d.get("out499").mean(), 1e-12);
    }
}
