package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two scenarios compared firm by firm get each other's firms, with nothing ordered: the runs are unchanged. */
class FirmAlignmentTest {

    @Test
    void anAddedFirmOrdersNothingAndChangesNothingElse() {
        Scenario a = Scenario.builder().build();
        Scenario b = a.toBuilder().firm(new Firm("Moonshot", List.of(new Order(LocalDate.of(2026, 2, 1), 8_000)),
                List.of(), 7)).build();
        Scenario aligned = a.withFirmsOf(b);
        assertEquals(a.firms().size() + 1, aligned.firms().size());
        Firm added = aligned.firms().get(aligned.firms().size() - 1);
        assertEquals("Moonshot", added.name());
        assertEquals(0, added.orderedUnits());
        assertEquals(7, added.priority());
        assertSame(b, b.withFirmsOf(a), "b already has every firm of a");
        SupplyResult before = SupplyModel.run(a, RandomStreams.of(11));
        SupplyResult after = SupplyModel.run(aligned, RandomStreams.of(11));
        for (int f = 0; f < a.firms().size(); f++) {
            assertArrayEquals(before.series().deliveredByFirm()[f], after.series().deliveredByFirm()[f],
                    a.firms().get(f).name());
        }
        assertEquals(0, after.firm("Moonshot").delivered());
    }
}
