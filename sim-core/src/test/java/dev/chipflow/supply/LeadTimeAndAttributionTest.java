package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.day;
import static dev.chipflow.supply.Hand.firm;
import static dev.chipflow.supply.Hand.fixed;
import static dev.chipflow.supply.Hand.moves;
import static dev.chipflow.supply.Hand.timesAndUnits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lead time (FirmResult.leadTimeMean, P50, P90): from the instant of the ORDER to delivery, unit-weighted, quantiles
 * from one-day bins interpolated inside the bin (Deliveries, BinnedQuantiles). Attribution
 * (FirmResult.attributedUnits, unheldUnits, bindingStage): each unit goes to the stage of its longest single wait
 * (ties: the earlier stage); units that never waited a positive time are unheld; units still in flight at the end
 * count with their current wait.
 */
class LeadTimeAndAttributionTest {

    /**
     * One order of 100 units on day 0, cut into 70 + 30; a final approval on day 1; purchase order 3 days later
     * (day 4); licence review 4 days (granted day 8); no cap; one lab line, lots of 70, 6 days a test; transit 1 day,
     * clearance 1 day.
     *
     * <pre>
     *               approval conversion licence lab-queue lab-test transit customs  delivered  longest
     * 70 units       0 -> 1   1 -> 4    4 -> 8    8 -> 8    8 -> 14  14 -> 15 15 -> 16    16   lab-test (6)
     * 30 units       0 -> 1   1 -> 4    4 -> 8    8 -> 14  14 -> 20  20 -> 21 21 -> 22    22   lab-queue (6 = 6,
     *                                                                                           tie: earlier stage)
     * </pre>
     * Lead times 16 and 22 from the order at day 0: mean (70 x 16 + 30 x 22) / 100 = 17.8 (unweighted 19; from the
     * approval 16.8; from the purchase order 13.8). P50: 50 of 100 units fall in the bin [16, 17), which holds 70:
     * 16 + 50/70. P90: 70 units lie below 22, the 20 more needed fall in [22, 23), which holds 30: 22 + 20/30.
     * Attribution: lab-test 70, lab-queue 30, nothing unheld, binding stage lab-test. Choosing the shortest positive
     * wait would put all 100 at china-approval (1 day); breaking the tie toward the later stage, 100 at lab-test.
     */
    @Test
    void leadTimeRunsFromTheOrderAndEachUnitGoesToItsLongestWait() {
        Scenario s = base().shipmentUnits(70).conversionDays(fixed(3)).licenceReviewDays(fixed(4)).labLines(1)
                .labLotUnits(70).labBaseDays(fixed(6)).transitDays(fixed(1)).customsClearanceDays(fixed(1))
                .firms(List.of(firm("A", 1, 0, 100))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("16.0:70", "22.0:30"), timesAndUnits(moves(r, Stage.CUSTOMS, Stage.DELIVERED)));
        FirmResult a = r.firm("A");
        assertEquals(17.8, a.leadTimeMean(), 1e-12);
        assertEquals(16 + 50.0 / 70, a.leadTimeP50(), 1e-12);
        assertEquals(22 + 20.0 / 30, a.leadTimeP90(), 1e-12);
        long[] expected = new long[Stage.WAITING_STAGES];
        expected[Stage.LAB_TEST.ordinal()] = 70;
        expected[Stage.LAB_QUEUE.ordinal()] = 30;
        assertArrayEquals(expected, a.attributedUnits());
        assertEquals(0, a.unheldUnits());
        assertEquals(Stage.LAB_TEST, a.bindingStage());
        TraceReplay.check(s, r);
    }

    /**
     * An order placed after its approval: the lead time still starts at the order. Approval of 10 units on day 0,
     * order on day 5 (2026-01-06), licence review 2 days: delivered at 7, lead time 2 (not 7, from the approval).
     * Its longest wait is the 2 days at the licence.
     */
    @Test
    void leadTimeStartsAtTheOrderNotAtTheApproval() {
        Scenario s = base().licenceScope(LicenceScope.ORDER).licenceReviewDays(fixed(2))
                .firms(List.of(firm("A", 0, 5, 10))).build();
        SupplyResult r = Hand.run(s);
        FirmResult a = r.firm("A");
        assertEquals(10, a.delivered());
        assertEquals(2, a.leadTimeMean(), 1e-12);
        assertEquals(10, a.attributedUnits()[Stage.LICENCE.ordinal()]);
    }

    /**
     * REGRESSION: a frictionless case, every stage zero days (orders on days 0 and 10 for A, day 3 for B, approvals
     * on day 0): every unit is delivered at the instant it is ordered, never waits, and is unheld; none is put at
     * china-approval, and no stage is named as binding. Lead time 0.
     */
    @Test
    void unitsThatNeverWaitAreUnheldNotHeldAtApproval() {
        Scenario s = base().shipmentUnits(8).firms(List.of(firm("A", 0, 0, 40, 10, 24), firm("B", 0, 3, 17)))
                .build();
        SupplyResult r = Hand.run(s);
        long[] none = new long[Stage.WAITING_STAGES];
        for (FirmResult f : r.firms()) {
            assertEquals(f.ordered(), f.delivered(), f.name());
            assertEquals(f.ordered(), f.unheldUnits(), f.name());
            assertArrayEquals(none, f.attributedUnits(), f.name());
            assertNull(f.bindingStage(), f.name() + ": nothing held it back");
            assertEquals(0, f.leadTimeMean(), f.name());
        }
        assertEquals(64, r.firm("A").unheldUnits());
        assertEquals(17, r.firm("B").unheldUnits());
    }

    /**
     * Units still in flight at the end count with their current wait. Horizon 2026-01-31 (the run is [0, 31)); cap
     * ratio 0, so whatever is licensed waits at the cap to the end. All orders on day 0 but D's.
     * <pre>
     * firm  units  approved  approval wait  cap wait to 31  longest
     * A      10    day 20        20              11          china-approval
     * B      20    day 5          5              26          us-cap (a wait still running)
     * C       7    never         31               -          china-approval (a wait still running)
     * D       5    day 30 (ordered day 30)  0      1          us-cap (short, but the only positive wait)
     * </pre>
     * Counting only finished waits would put B at china-approval and leave C and D unattributed (or unheld).
     */
    @Test
    void unitsInFlightAtTheEndCountWithTheirCurrentWait() {
        Firm c = new Firm("C", List.of(new Order(day(0), 7)), List.of(), 0);
        Scenario s = base().horizonEnd(LocalDate.of(2026, 1, 31)).capRatio(0).usUnitsPerWeek(100)
                .firms(List.of(firm("A", 20, 0, 10), firm("B", 5, 0, 20), c, firm("D", 30, 30, 5))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(0, r.deliveredTotal());
        assertAttributed(r.firm("A"), Stage.APPROVAL, 10);
        assertAttributed(r.firm("B"), Stage.CAP, 20);
        assertAttributed(r.firm("C"), Stage.APPROVAL, 7);
        assertAttributed(r.firm("D"), Stage.CAP, 5);
        // waitDays: unit-days in each stage up to the end (day 31) over units ordered.
        assertEquals(20, r.firm("A").waitDays()[Stage.APPROVAL.ordinal()], 1e-12);
        assertEquals(11, r.firm("A").waitDays()[Stage.CAP.ordinal()], 1e-12);
        assertEquals(26, r.firm("B").waitDays()[Stage.CAP.ordinal()], 1e-12);
        assertEquals(31, r.firm("C").waitDays()[Stage.APPROVAL.ordinal()], 1e-12);
        assertEquals(1, r.firm("D").waitDays()[Stage.CAP.ordinal()], 1e-12);
        TraceReplay.check(s, r);
    }

    private static void assertAttributed(FirmResult f, Stage stage, long units) {
        long[] expected = new long[Stage.WAITING_STAGES];
        expected[stage.ordinal()] = units;
        assertArrayEquals(expected, f.attributedUnits(), f.name());
        assertEquals(0, f.unheldUnits(), f.name());
        assertEquals(stage, f.bindingStage(), f.name());
    }

    /**
     * A tie: 10 units ordered on day 0 wait 3 days in conversion ([0, 3)) and 3 days in transit ([3, 6)), nothing
     * else (no lab): the two longest waits are equal, and the earlier stage, conversion, keeps the 10 units.
     */
    @Test
    void onATieTheEarlierStageKeepsTheUnits() {
        Scenario s = base().labRequired(false).conversionDays(fixed(3)).transitDays(fixed(3))
                .firms(List.of(firm("A", 0, 0, 10))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("6.0:10"), timesAndUnits(moves(r, Stage.CUSTOMS, Stage.DELIVERED)));
        assertAttributed(r.firm("A"), Stage.CONVERSION, 10);
    }
}
