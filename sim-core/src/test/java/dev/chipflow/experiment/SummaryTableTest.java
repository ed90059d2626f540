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
}
