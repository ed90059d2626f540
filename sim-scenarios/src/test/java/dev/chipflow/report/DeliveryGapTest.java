package dev.chipflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.PairedObservation;
import dev.chipflow.supply.Scenario;
import org.junit.jupiter.api.Test;

/** When a cumulative series reaches a share of its own final value, and what a run says it changed. */
class DeliveryGapTest {

    /**
     * Cumulative 0, 1, 2, 4 (final 4): a quarter (1) is reached on day 1, half (2) on day 2, three quarters (3) on day
     * 3; a series that delivers nothing never reaches any share.
     */
    @Test
    void milestonesAreTheFirstDayAtTheShareOfTheFinalValue() {
        double[] c = {0, 1, 2, 4};
        assertEquals(1.0, reach(c, 0.25));
        assertEquals(2.0, reach(c, 0.5));
        assertEquals(3.0, reach(c, 0.75));
        assertTrue(Double.isNaN(reach(new double[] {0, 0, 0}, 0.5)));
    }

    /** The milestones' rule as the comparison's observation applies it, over a whole series. */
    private static double reach(double[] cumulative, double share) {
        return PairedObservation.reach(cumulative, 0, cumulative.length, share);
    }

    /** orders-placed with cap.ratio 0.25 differs from the named scenario in that one knob (0.5 there). */
    @Test
    void aRunNamesTheKnobsItChangedFromItsNamedScenario() {
        Scenario s = NamedScenarios.ordersPlaced().toBuilder().capRatio(0.25).build();
        assertEquals("Changed from the named scenario orders-placed: cap.ratio = 0.25 (there 0.5).",
                BaseDifferences.sentence(s));
        assertEquals("", BaseDifferences.sentence(NamedScenarios.ordersPlaced()));
    }
}
