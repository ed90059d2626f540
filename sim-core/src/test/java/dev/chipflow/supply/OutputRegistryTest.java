package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The output registry names every scalar, in order, with a unit and a meaning, and reads the same values. */
class OutputRegistryTest {

    private static final SupplyResult RESULT = SupplyModel.run(Scenario.builder().build(), RandomStreams.of(3));

    @Test
    void scalarsAreTheRegistryInOrder() {
        Map<String, Double> scalars = RESULT.scalars();
        List<String> expected = new ArrayList<>();
        for (FirmResult f : RESULT.firms()) {
            for (Outputs.Output o : Outputs.all()) {
                if (o.scope() == Outputs.Scope.FIRM) {
                    expected.add(o.name(f.name()));
                }
            }
        }
        for (Outputs.Output o : Outputs.all()) {
            if (o.scope() != Outputs.Scope.FIRM) {
                expected.add(o.name(null));
            }
        }
        assertEquals(expected, List.copyOf(scalars.keySet()));
        // The names reports and earlier results rely on.
        assertEquals(13 * RESULT.firms().size() + 9 + 13, scalars.size());
        assertTrue(scalars.containsKey("all.delivered") && scalars.containsKey("system.capBindingShare"));
    }

    @Test
    void everyOutputHasAUnitAndAMeaningAndReadsTheSameValue() {
        for (Outputs.Output o : Outputs.all()) {
            assertFalse(o.unit().isBlank(), o.key());
            assertFalse(o.description().isBlank(), o.key());
        }
        for (Map.Entry<String, Double> e : RESULT.scalars().entrySet()) {
            assertEquals(e.getValue(), Outputs.value(RESULT, e.getKey()), e.getKey());
            assertEquals(e.getKey(), Outputs.find(e.getKey()).name(
                    e.getKey().substring(0, e.getKey().lastIndexOf('.'))));
        }
        FirmResult first = RESULT.firms().get(0);
        assertEquals((double) first.delivered(), Outputs.value(RESULT, first.name() + ".delivered"));
        assertEquals((double) RESULT.deliveredTotal(), Outputs.value(RESULT, "all.delivered"));
        assertEquals(RESULT.system().revenueUsd(), Outputs.value(RESULT, "system.revenueUsd"));
        assertEquals("days", Outputs.find("Alibaba.leadTimeMeanDays").unit());
    }

    @Test
    void unknownNamesAreRefused() {
        for (String bad : new String[] {"delivered", "all.nothing", "system.delivered", "Alibaba.revenue", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Outputs.find(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> Outputs.find("all.delivered").of(RESULT.firms().get(0)));
        assertThrows(IllegalStateException.class, () -> Outputs.find("x.delivered").of(RESULT));
    }
}
