package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A scenario is its groups of rules: each group can be copied whole into a builder, and the builder goes on. */
class ScenarioGroupsTest {

    @Test
    void groupsCopyWholeAndTheBuilderChains() {
        Scenario a = Scenario.builder().capRatio(0.25).labLines(7).domesticRatio(2).transitDays(
                new dev.chipflow.random.Fixed(3)).priceUsd(30_000).inventoryUnits(5).build();
        Scenario b = Scenario.builder().china(a.china()).us(a.us()).supply(a.supply()).lab(a.lab())
                .border(a.border()).market(a.market()).name(a.name()).build();
        assertEquals(a, b);
        assertEquals(0.25, b.us().capRatio());
        assertEquals(7, b.lab().lines());
        assertEquals(2.0, b.china().domesticRatio());
        assertEquals(5, b.supply().inventoryUnits());
        assertEquals(30_000, b.market().priceUsd());
    }
}
