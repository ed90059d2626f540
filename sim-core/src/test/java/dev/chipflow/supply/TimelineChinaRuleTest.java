package dev.chipflow.supply;

import static dev.chipflow.supply.ChinaSide.atEnd;
import static dev.chipflow.supply.ChinaSide.conditional;
import static dev.chipflow.supply.ChinaSide.d;
import static dev.chipflow.supply.ChinaSide.finalApproval;
import static dev.chipflow.supply.ChinaSide.firm;
import static dev.chipflow.supply.ChinaSide.moves;
import static dev.chipflow.supply.ChinaSide.order;
import static dev.chipflow.supply.ChinaSide.quiet;
import static dev.chipflow.supply.ChinaSide.unitsByDay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.random.Fixed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * China's side of a policy timeline (MidRun's text for each knob), on {@link ChinaSide#quiet()} scenarios: no delays
 * but the one under test, China's clearance on day 0, share 1, no quota, nothing after China holding a unit back.
 *
 * <ul>
 * <li>{@code ndrc.conditionsFinalize} true from D: every conditional approval not yet final draws its delay at D and
 * becomes final at max(grant + delay, D); false from D: conditions not final by D stay pending until a later change
 * sets it true (a delay that ran out meanwhile is final at that change).</li>
 * <li>{@code ndrc.conditionDays}: approvals granted from D draw the new delay; delays drawn stand.</li>
 * <li>{@code china.conversionShare}: applies to what converts from D, on the cumulative final units; higher converts
 * more at D, lower converts nothing until the final units catch up; nothing is unconverted.</li>
 * <li>{@code domestic.ratio}: purchase orders passing from D need the new ratio; lower can release a waiting order at
 * D. {@code domestic.outputPerYear}: daily output from D is the new rate / 365, from 0 starting on D.</li>
 * </ul>
 * Runs use seed 1 and the full trace (nothing random matters here); moves are read per day from the trace.
 */
class TimelineChinaRuleTest {

    // ------------------------------------------------------------------------------------ ndrc.conditionsFinalize

    /**
     * Off, then on from 2026-01-31 (day 30); ndrc.conditionDays fixed 20; shipments of 10,000. C orders 30,000 on day
     * 0 and has three conditional approvals of 10,000: on day 5 (2026-01-06), day 20 (2026-01-21) and day 40
     * (2026-02-10), each taking one shipment when granted.
     * <pre>
     * approval of day 5:  granted while off, no delay drawn; at D: final at max(5 + 20, 30) = 30   -> 10,000 on day 30
     * approval of day 20: granted while off;                  at D: final at max(20 + 20, 30) = 40 -> 10,000 on day 40
     * approval of day 40: granted while on: final at 40 + 20 = 60                                   -> 10,000 on day 60
     * </pre>
     * Without the change nothing passes the conditions.
     */
    @Test
    void turnedOnFromDConditionsBecomeFinalAtTheLaterOfGrantPlusDelayAndD() {
        Scenario.Builder b = quiet().shipmentUnits(10_000).ndrcConditionDays(new Fixed(20)).conditionsFinalize(false)
                .firms(List.of(firm("C", List.of(order("2026-01-01", 30_000)), List.of(
                        conditional("2026-01-06", 10_000), conditional("2026-01-21", 10_000),
                        conditional("2026-02-10", 10_000)))));
        Scenario none = b.build();
        assertEquals(Map.of(), unitsByDay(moves(none, Hand.run(none), "C", Stage.CONDITIONS, Stage.CONVERSION)));

        Scenario s = b.change(d("2026-01-31"), "ndrc.conditionsFinalize", "true").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(5.0, 10_000L, 20.0, 10_000L, 40.0, 10_000L),
                unitsByDay(moves(s, r, "C", Stage.APPROVAL, Stage.CONDITIONS)));
        assertEquals(Map.of(30.0, 10_000L, 40.0, 10_000L, 60.0, 10_000L),
                unitsByDay(moves(s, r, "C", Stage.CONDITIONS, Stage.CONVERSION)));
        assertEquals(30_000, r.firm("C").converted());
    }

    /**
     * On, off from 2026-01-31 (day 30), on again from 2026-02-20 (day 50); delay fixed 20; shipments of 10,000. C
     * orders 30,000 on day 0; conditional approvals of 10,000 on day 5, day 20 and day 35 (2026-02-05).
     * <pre>
     * approval of day 5:  final at 25, before D                                              -> 10,000 on day 25
     * approval of day 20: delay drawn at grant, runs out at 40 while off: held; final when
     *                     turned on at day 50                                                -> 10,000 on day 50
     * approval of day 35: granted while off, nothing drawn; at day 50: max(35 + 20, 50) = 55  -> 10,000 on day 55
     * </pre>
     * Without the second change the 20,000 of the last two approvals stay in ndrc-conditions to the end.
     */
    @Test
    void turnedOffFromDConditionsNotFinalStayPendingUntilALaterChangeTurnsThemOn() {
        Scenario.Builder b = quiet().shipmentUnits(10_000).ndrcConditionDays(new Fixed(20)).conditionsFinalize(true)
                .firms(List.of(firm("C", List.of(order("2026-01-01", 30_000)), List.of(
                        conditional("2026-01-06", 10_000), conditional("2026-01-21", 10_000),
                        conditional("2026-02-05", 10_000)))))
                .change(d("2026-01-31"), "ndrc.conditionsFinalize", "false");
        Scenario off = b.build();
        SupplyResult held = Hand.run(off);
        assertEquals(Map.of(25.0, 10_000L), unitsByDay(moves(off, held, "C", Stage.CONDITIONS, Stage.CONVERSION)));
        assertEquals(20_000, atEnd(held, "C", Stage.CONDITIONS));

        Scenario s = b.change(d("2026-02-20"), "ndrc.conditionsFinalize", "true").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(25.0, 10_000L, 50.0, 10_000L, 55.0, 10_000L),
                unitsByDay(moves(s, r, "C", Stage.CONDITIONS, Stage.CONVERSION)));
        assertEquals(0, atEnd(r, "C", Stage.CONDITIONS));
    }

    /**
     * ndrc.conditionDays 20, then 5 from 2026-01-31 (day 30). C orders 20,000 on day 0 (shipments of 10,000);
     * conditional approvals of 10,000 on day 25 (delay drawn then: 20, final at 45, which stands) and on day 35 (drawn
     * from the new distribution: final at 40). So 10,000 pass on day 40 and 10,000 on day 45.
     */
    @Test
    void aNewNdrcDelayAppliesToApprovalsGrantedFromD() {
        Scenario s = quiet().shipmentUnits(10_000).ndrcConditionDays(new Fixed(20))
                .firms(List.of(firm("C", List.of(order("2026-01-01", 20_000)),
                        List.of(conditional("2026-01-26", 10_000), conditional("2026-02-05", 10_000)))))
                .change(d("2026-01-31"), "ndrc.conditionDays", "5").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(40.0, 10_000L, 45.0, 10_000L),
                unitsByDay(moves(s, r, "C", Stage.CONDITIONS, Stage.CONVERSION)));
    }

    // --------------------------------------------------------------------------------------- china.conversionShare

    /**
     * Share 0.5; shipments of 1,000. A orders and is finally approved 4,000 on day 0, 4,000 on 2026-01-31 (day 30) and
     * 8,000 on 2026-02-10 (day 40). Share 0.75 from 2026-01-11 (day 10), 0.25 from 2026-01-21 (day 20).
     * <pre>
     * day 0:  final 4,000,  allowed 0.5  x 4,000  = 2,000; converted 0     -> 2,000 convert
     * day 10: share 0.75,   allowed 0.75 x 4,000  = 3,000; converted 2,000 -> 1,000 more at once
     * day 20: share 0.25,   allowed 1,000 < 3,000                          -> nothing (nothing unconverted)
     * day 30: final 8,000,  allowed 2,000 < 3,000                          -> nothing
     * day 40: final 16,000, allowed 4,000; converted 3,000                 -> 1,000
     * </pre>
     * Converted 4,000; 12,000 wait in conversion. Without the changes: 2,000 on each of days 0 and 30, 4,000 on day 40.
     */
    @Test
    void aHigherShareConvertsMoreAtDALowerOneWaitsForTheFinalUnitsToCatchUp() {
        Scenario.Builder b = quiet().shipmentUnits(1_000).conversionShare(0.5).firms(List.of(firm("A",
                List.of(order("2026-01-01", 4_000), order("2026-01-31", 4_000), order("2026-02-10", 8_000)),
                List.of(finalApproval("2026-01-01", 4_000), finalApproval("2026-01-31", 4_000),
                        finalApproval("2026-02-10", 8_000)))));
        Scenario none = b.build();
        assertEquals(Map.of(0.0, 2_000L, 30.0, 2_000L, 40.0, 4_000L),
                unitsByDay(moves(none, Hand.run(none), "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));

        Scenario s = b.change(d("2026-01-11"), "china.conversionShare", "0.75")
                .change(d("2026-01-21"), "china.conversionShare", "0.25").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(0.0, 2_000L, 10.0, 1_000L, 40.0, 1_000L),
                unitsByDay(moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(4_000, r.firm("A").converted());
        assertEquals(12_000, atEnd(r, "A", Stage.CONVERSION));
    }

    /**
     * china.conversionDays fixed 10, 2 from 2026-01-21 (day 20); shipments of 1,000. A orders 2,000 on day 0 and is
     * finally approved 1,000 on day 15 and 1,000 on day 22; B orders 1,000 on day 0, approved on day 22.
     * <pre>
     * A, day 15: purchase order formed before D: placed 15 + 10 = 25
     * A, day 22: formed from D: 22 + 2 = 24, but never before A's previous one: 25
     * B, day 22: formed from D: 24
     * </pre>
     */
    @Test
    void aNewConversionDelayAppliesToPurchaseOrdersFormedFromD() {
        Scenario s = quiet().shipmentUnits(1_000).conversionDays(new Fixed(10)).firms(List.of(
                firm("A", List.of(order("2026-01-01", 2_000)),
                        List.of(finalApproval("2026-01-16", 1_000), finalApproval("2026-01-23", 1_000))),
                firm("B", List.of(order("2026-01-01", 1_000)), List.of(finalApproval("2026-01-23", 1_000)))))
                .change(d("2026-01-21"), "china.conversionDays", "2").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(25.0, 2_000L), unitsByDay(moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(Map.of(24.0, 1_000L), unitsByDay(moves(s, r, "B", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
    }

    // ------------------------------------------------------------------------------ domestic.ratio / outputPerYear

    /**
     * Ratio 2; stock 8,000, no output. A's purchase order of 5,000 (day 0) needs 10,000 chips and waits. Ratio 1 from
     * 2026-01-11 (day 10): it needs 5,000 and passes on day 10, leaving 3,000. Ratio 4 from 2026-01-13 (day 12): B's
     * purchase order of 1,000 on 2026-01-16 (day 15) needs 4,000 > 3,000 and waits to the end (at ratio 1 it would
     * pass). Chips bought: A 5,000 (at the ratio in force when it passed), B 0.
     */
    @Test
    void aLowerRatioFromDReleasesAWaitingPurchaseOrderAtD() {
        Scenario s = quiet().domesticRatio(2).domesticInitialStock(8_000).domesticOutputPerYear(0).firms(List.of(
                firm("A", List.of(order("2026-01-01", 5_000)), List.of(finalApproval("2026-01-01", 5_000))),
                firm("B", List.of(order("2026-01-16", 1_000)), List.of(finalApproval("2026-01-16", 1_000)))))
                .change(d("2026-01-11"), "domestic.ratio", "1").change(d("2026-01-13"), "domestic.ratio", "4")
                .build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(10.0, 5_000L), unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        assertEquals(Map.of(), unitsByDay(moves(s, r, "B", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        assertEquals(1_000, atEnd(r, "B", Stage.DOMESTIC_QUOTA));
        assertEquals(5_000, r.firm("A").domesticChips(), 1e-9);
        assertEquals(0, r.firm("B").domesticChips(), 1e-9);
    }

    /**
     * Ratio 1; no stock, no output: A's purchase order of 1,000 (day 0) waits. Output 36,500 a year (100 a day) from
     * 2026-01-11 (day 10): the first 100 are added at the start of day 10, after d's output the stock is
     * 100 (d - 9), 1,000 on day 19: A passes on day 19. Produced over the run (to 2026-12-31, day 364): 355 days x 100
     * = 35,500.
     */
    @Test
    void outputFromZeroStartsOnD() {
        Scenario s = quiet().domesticRatio(1).domesticInitialStock(0).domesticOutputPerYear(0).firms(List.of(
                firm("A", List.of(order("2026-01-01", 1_000)), List.of(finalApproval("2026-01-01", 1_000)))))
                .change(d("2026-01-11"), "domestic.outputPerYear", "36500").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(19.0, 1_000L), unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        assertEquals(35_500, r.system().domesticProduced(), 1e-6);
        assertEquals(1_000, r.system().domesticBought(), 1e-6);
    }

    /**
     * Ratio 1, no stock; output 36,500 a year (100 a day) from day 0, 73,000 (200 a day) from 2026-01-11 (day 10). A's
     * purchase order of 3,000 (day 0) waits for the stock: 100 (d + 1) after day d's output up to day 9 (1,000), then
     * 1,000 + 200 (d - 9): 3,000 on day 19, when A passes. At the old rate it would pass on day 29 (100 x 30).
     */
    @Test
    void aNewOutputRateAppliesFromD() {
        Scenario.Builder b = quiet().domesticRatio(1).domesticInitialStock(0).domesticOutputPerYear(36_500)
                .firms(List.of(firm("A", List.of(order("2026-01-01", 3_000)),
                        List.of(finalApproval("2026-01-01", 3_000)))));
        Scenario none = b.build();
        assertEquals(Map.of(29.0, 3_000L),
                unitsByDay(moves(none, Hand.run(none), "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        Scenario s = b.change(d("2026-01-11"), "domestic.outputPerYear", "73000").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(19.0, 3_000L), unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
    }
}
