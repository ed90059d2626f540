package dev.chipflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Moments;
import dev.chipflow.supply.Outputs;
import dev.chipflow.supply.PairedObservation;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyObservation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When a cumulative series reaches a share of its own final value, the comparison's gap over time, and what a run says
 * it changed.
 */
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

    /**
     * Two pairs of replications over 4 days, one firm, written straight into a comparison's slots. B - A of all firms,
     * day by day: pair 1: 0, -1, 1.5, -2; pair 2: 0, -3, 1.5, -2; means 0, -2, 1.5, -2. The largest gap by absolute
     * value is -2, first on day 1 (day 3 ties; the earlier day is kept). Day 1 varies (-1, -3): its 95% CI, -2 +-
     * t(0.975, 1) x sd / sqrt(2) = -2 +- 12.71 x 1.41 / 1.41, holds 0; day 3 is -2 in both pairs, a band of no width
     * below 0, so B differs from A on some day. Half of final deliveries: A on days 10 and 12 (mean 11), B on 14 and 20
     * (17), B's delay 4 and 8 (6). Unit-days 4 and 6: mean 5.
     */
    @Test
    void theLargestGapIsTheFirstDayOfTheLargestMeanByAbsoluteValue() {
        SupplyObservation one = new SupplyObservation(List.of("X"), 4, List.of(), Outputs.names(List.of("X")));
        PairedObservation p = new PairedObservation(one, one);
        double[][] gaps = {{0, -1, 1.5, -2}, {0, -3, 1.5, -2}};
        double[][] half = {{10, 14, 4}, {12, 20, 8}};
        double[] unitDays = {4, 6};
        Moments m = Moments.empty(p.size());
        for (int r = 0; r < 2; r++) {
            double[] v = new double[p.size()];
            for (int d = 0; d < 4; d++) {
                v[p.gapSlot(d)] = gaps[r][d];
            }
            for (int which = 0; which < 3; which++) {
                v[p.milestoneSlot(1, which)] = half[r][which];
            }
            v[p.unitDaysSlot()] = unitDays[r];
            m.absorb(Moments.of(v));
        }
        DeliveryGap g = DeliveryGap.of(p, m);
        assertEquals(1, g.largestDay());
        assertEquals(-2.0, g.largest().mean());
        assertTrue(g.difference().lower()[1] < 0 && g.difference().upper()[1] > 0, "day 1's interval holds 0");
        assertEquals(-2.0, g.difference().lower()[3]);
        assertEquals(-2.0, g.difference().upper()[3]);
        assertTrue(g.differsSomeDay());
        DeliveryGap.Milestone h = g.milestones().get(1);
        assertEquals(0.5, h.share());
        assertEquals(11.0, h.dayA().mean());
        assertEquals(17.0, h.dayB().mean());
        assertEquals(6.0, h.delay().mean());
        assertEquals(5.0, g.unitDays().mean());
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
