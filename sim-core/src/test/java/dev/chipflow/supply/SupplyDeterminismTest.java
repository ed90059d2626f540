package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run is a pure function of (scenario, seed), whatever the number of threads. */
class SupplyDeterminismTest {

    private static void assertSame(SupplyResult a, SupplyResult b) {
        assertEquals(a.scalars(), b.scalars());
        assertEquals(a.firms(), b.firms());
        assertArrayEquals(a.series().deliveredByFirm(), b.series().deliveredByFirm());
        assertArrayEquals(a.series().capHeadroom(), b.series().capHeadroom());
        assertArrayEquals(a.series().labQueue(), b.series().labQueue());
        assertArrayEquals(a.series().inventory(), b.series().inventory());
        assertEquals(a.system(), b.system());
    }

    @Test
    void sameSeedSameResult() {
        Scenario s = Scenario.builder().build();
        assertSame(SupplyModel.run(s, RandomStreams.of(11)), SupplyModel.run(s, RandomStreams.of(11)));
        assertNotEquals(SupplyModel.run(s, RandomStreams.of(11)).scalars(),
                SupplyModel.run(s, RandomStreams.of(12)).scalars());
    }

    @Test
    void oneThreadAndFourThreadsGiveIdenticalSummaries() {
        Scenario s = Scenario.builder().build();
        List<SupplyResult> one = new ReplicationRunner(1, Progress.NONE).run(8, 99, SupplyModel.replication(s));
        List<SupplyResult> four = new ReplicationRunner(4, Progress.NONE).run(8, 99, SupplyModel.replication(s));
        for (int i = 0; i < one.size(); i++) {
            assertSame(one.get(i), four.get(i));
        }
        assertEquals(SummaryTable.of(one), SummaryTable.of(four));
    }

    @Test
    void theSameScenarioComparedWithItselfDiffersByExactlyZero() {
        Scenario s = Scenario.builder().build();
        Scenario copy = Knobs.set(s, "lab.lines", "4");
        List<SupplyResult> a = new ReplicationRunner(2, Progress.NONE).run(4, 5, SupplyModel.replication(s));
        List<SupplyResult> b = new ReplicationRunner(2, Progress.NONE).run(4, 5, SupplyModel.replication(copy));
        SummaryTable diff = SummaryTable.differences(a, b);
        assertEquals(0.0, diff.get("all.delivered").mean());
        assertEquals(0.0, diff.get("all.delivered").sd());
    }
}
