package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.supply.DailySeries;
import dev.chipflow.supply.SupplyResult;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Asserts that two runs gave the same results, bit for bit: SupplyResult's own equals compares arrays by identity. */
final class Identical {

    private Identical() {
    }

    static void results(List<List<SupplyResult>> expected, List<List<SupplyResult>> actual) {
        assertEquals(expected.size(), actual.size(), "models");
        for (int m = 0; m < expected.size(); m++) {
            assertEquals(expected.get(m).size(), actual.get(m).size(), "replications of model " + m);
            for (int i = 0; i < expected.get(m).size(); i++) {
                result(expected.get(m).get(i), actual.get(m).get(i), "model " + m + ", replication " + i);
            }
        }
    }

    static void results(List<SupplyResult> expected, List<SupplyResult> actual, String where) {
        assertEquals(expected.size(), actual.size(), where + ": replications");
        for (int i = 0; i < expected.size(); i++) {
            result(expected.get(i), actual.get(i), where + ", replication " + i);
        }
    }

    static void result(SupplyResult a, SupplyResult b, String where) {
        assertEquals(a.scenario(), b.scenario(), where);
        assertEquals(a.scalars(), b.scalars(), where + ": scalars");
        assertEquals(a.firms(), b.firms(), where + ": firms");
        assertEquals(a.system(), b.system(), where + ": system");
        for (RecordComponent c : DailySeries.class.getRecordComponents()) {
            try {
                Object x = c.getAccessor().invoke(a.series());
                Object y = c.getAccessor().invoke(b.series());
                if (x instanceof Object[] xs) {
                    assertArrayEquals(xs, (Object[]) y, where + ": series." + c.getName());
                } else if (x instanceof double[] xs) {
                    assertArrayEquals(xs, (double[]) y, where + ": series." + c.getName());
                } else {
                    assertEquals(x, y, where + ": series." + c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
