package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay's view of a timeline: which rules are in force at an instant, per-day sums, the US stream. */
class RulesInForceTest {

    private static Scenario.Builder base() {
        return Scenario.builder().horizonEnd(day(59)).licencePolicyStart(day(0)).usUnitsPerWeek(0).capRatio(0.5)
                .domesticOutputPerYear(365);
    }

    @Test
    void withoutATimelineTheScenarioHoldsAtEveryInstant() {
        Scenario s = base().build();
        RulesInForce in = new RulesInForce(s);
        assertFalse(in.changes());
        assertSame(s, in.at(-1));
        assertSame(s, in.at(1e9));
        assertEquals(List.of(), in.changesBetween(0, 60));
        // One segment: exactly perDay x counted days.
        assertEquals(1.0 * 10, in.perDaySum(9, r -> r.china().domesticOutputPerYear() / 365.0, d -> d + 1));
    }

    @Test
    void aChangeHoldsFromTheStartOfItsDay() {
        Scenario s = base().change(day(10), "cap.ratio", "0.1").change(day(10), "domestic.outputPerYear", "730")
                .change(day(30), "cap.ratio", "unlimited").change(day(30), "ndrc.conditionsFinalize", "false")
                .build();
        RulesInForce in = new RulesInForce(s);
        assertTrue(in.changes());
        assertEquals(0.5, in.at(Math.nextDown(10.0)).us().capRatio());
        assertEquals(0.1, in.at(10).us().capRatio());
        assertEquals(Double.POSITIVE_INFINITY, in.at(30).us().capRatio());
        assertEquals(List.of(10.0, 30.0), in.changesBetween(0, 31));
        assertEquals(List.of(30.0), in.changesBetween(10, 31));
        assertEquals(0.1, in.min(5, 40, (Scenario x) -> x.us().capRatio()));
        assertEquals(0.5, in.max(0, 29, (Scenario x) -> x.us().capRatio()));
        assertEquals(Double.POSITIVE_INFINITY, in.firstFrom(30, (Scenario x) -> x.china().conditionsFinalize()));
        assertEquals(29.5, in.firstFrom(29.5, (Scenario x) -> x.china().conditionsFinalize()));
        // Days 0..9 at 1 a day, 10..14 at 2.
        assertEquals(20.0, in.perDaySum(14, r -> r.china().domesticOutputPerYear() / 365.0, d -> d + 1));
    }

    @Test
    void theUsStreamHasTheVolumeInForceOnEachWeeklyDay() {
        // Weekly days 7, 14, 21, ...: none until day 15, then 1,000, from day 28 2,000.
        Scenario s = base().change(day(15), "cap.usUnitsPerWeek", "1000").change(day(28), "cap.usUnitsPerWeek",
                "2000").build();
        RulesInForce.UsStream us = RulesInForce.UsStream.of(s, new RulesInForce(s));
        assertArrayEquals(new double[] {21, 28, 35, 42, 49, 56}, us.times());
        assertEquals(1_000, us.units(0, 1));
        assertEquals(1_000 + 2_000 * 5, us.units(0, 6));
    }
}
