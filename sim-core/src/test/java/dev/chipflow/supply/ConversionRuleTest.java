package dev.chipflow.supply;

import static dev.chipflow.supply.ChinaSide.atEnd;
import static dev.chipflow.supply.ChinaSide.finalApproval;
import static dev.chipflow.supply.ChinaSide.firm;
import static dev.chipflow.supply.ChinaSide.moves;
import static dev.chipflow.supply.ChinaSide.order;
import static dev.chipflow.supply.ChinaSide.quiet;
import static dev.chipflow.supply.ChinaSide.run;
import static dev.chipflow.supply.ChinaSide.units;
import static dev.chipflow.supply.ChinaSide.unitsByDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.Fixed;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.random.Uniform;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conversion rule ({@link Conversion}): of a firm's final approved units, exactly
 * {@code floor(china.conversionShare x final units)} in all become purchase orders, exact to the unit; a purchase
 * order is placed {@code china.conversionDays} after the units' conditions are final, not before
 * {@code china.clearance}; the units a firm converts at one instant form one purchase order. The moves CONVERSION ->
 * DOMESTIC_QUOTA date the purchase orders (no domestic quota here, every later stage instantaneous).
 */
class ConversionRuleTest {

    /**
     * 300,000 ordered on 2026-01-24 (day 23); final approval of 133,333 on 2026-01-28 (day 27); share 0.6;
     * conversionDays fixed 14: one purchase order at day 41 (2026-02-11). floor(0.6 x 133,333) = floor(79,999.8) =
     * 79,999 units, taken from the head of the approved line and split at the edge:
     * <ul>
     * <li>8: 9,999 x 8 = 79,992, then 7 split off the next shipment: 10,000 moves, the last of 7;</li>
     * <li>1,000: 79 x 1,000, then 999: 80 moves, the last of 999;</li>
     * <li>8,000: 9 x 8,000 = 72,000, then 7,999: 10 moves, the last of 7,999.</li>
     * </ul>
     * 133,333 - 79,999 = 53,334 stay in conversion. (In whole 8,000-unit shipments: 72,000 or 80,000.)
     */
    @ParameterizedTest(name = "shipment.units {0}")
    @CsvSource({"8, 10000, 7", "1000, 80, 999", "8000, 10, 7999"})
    void exactlyFloorOfTheShareOfFinalUnitsConverts(int size, int count, long last) {
        Scenario s = quiet().shipmentUnits(size).conversionShare(0.6).conversionDays(new Fixed(14))
                .firms(List.of(firm("A", List.of(order("2026-01-24", 300_000)),
                        List.of(finalApproval("2026-01-28", 133_333))))).build();
        SupplyResult r = run(s);
        List<TraceEvent> po = moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA);
        assertEquals(count, po.size());
        assertEquals(Map.of(41.0, 79_999L), unitsByDay(po));
        assertEquals(last, po.get(count - 1).units());
        FirmResult a = r.firm("A");
        assertEquals(133_333, a.approved());
        assertEquals(79_999, a.converted());
        assertEquals(53_334, atEnd(r, "A", Stage.CONVERSION));
    }

    /**
     * A firm's units ordered and finally approved on 2026-01-01, no delay; each order is one shipment (8,000 units at
     * most). floor(share x approved) convert at day 0, the rest stay in conversion:
     * <ul>
     * <li>0.6 x 5,000 = 3,000 (2,000 stay); 0.6 x 7 = 4.2, so 4 (3 stay);</li>
     * <li>0.29 x 100 = 29 and 0.57 x 100 = 57 exactly, though binary arithmetic gives 28.999999999999996 and
     * 56.99999999999999: a bare floor would convert 28 and 56;</li>
     * <li>0.9999999 x 1 = 0.9999999, so 0 (an absolute tolerance of 1e-6 would round it up to 1); 0.9999999 x
     * 10,000,000 = 9,999,999.</li>
     * </ul>
     */
    @ParameterizedTest(name = "share {0} of {1}: {2}")
    @CsvSource({"0.6, 5000, 3000", "0.6, 7, 4", "0.29, 100, 29", "0.57, 100, 57", "0.9999999, 1, 0",
        "0.9999999, 10000000, 9999999"})
    void smallFirmsConvertTheirShareToTheUnit(double share, long approved, long converted) {
        Scenario s = quiet().conversionShare(share).firms(List.of(firm("A", List.of(order("2026-01-01", approved)),
                List.of(finalApproval("2026-01-01", approved))))).build();
        SupplyResult r = run(s);
        assertEquals(converted == 0 ? Map.of() : Map.of(0.0, converted),
                unitsByDay(moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(converted, r.firm("A").converted());
        assertEquals(approved - converted, atEnd(r, "A", Stage.CONVERSION));
    }

    /**
     * China's in-principle clearance on 2026-02-15 (day 45); share 1. Firm A: 1,000 ordered and finally approved on
     * 2026-01-10 (day 9); firm B: the same on 2026-03-01 (day 59). With no conversion delay, A's purchase order waits
     * for the clearance: day 45, not day 9; B's, after the clearance, is placed at day 59. With conversionDays fixed
     * 7, the preparation of orders starts at the clearance ("in-principle clearance to prepare orders", the knob's
     * meaning): A at max(9, 45) + 7 = 52 (2026-02-22), B at 59 + 7 = 66 (2026-03-08). Ignoring the clearance would
     * give A day 9 (or 16).
     */
    @ParameterizedTest(name = "conversionDays {0}: A at day {1}, B at day {2}")
    @CsvSource({"0, 45, 59", "7, 52, 66"})
    void noPurchaseOrderBeforeTheClearance(double delay, double dayA, double dayB) {
        Scenario s = quiet().chinaClearance(ChinaSide.d("2026-02-15")).conversionDays(new Fixed(delay)).firms(List.of(
                firm("A", List.of(order("2026-01-10", 1_000)), List.of(finalApproval("2026-01-10", 1_000))),
                firm("B", List.of(order("2026-03-01", 1_000)), List.of(finalApproval("2026-03-01", 1_000))))).build();
        SupplyResult r = run(s);
        assertEquals(Map.of(9.0, 1_000L), unitsByDay(moves(s, r, "A", Stage.CONDITIONS, Stage.CONVERSION)));
        assertEquals(Map.of(dayA, 1_000L), unitsByDay(moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(Map.of(dayB, 1_000L), unitsByDay(moves(s, r, "B", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
    }

    /**
     * A later final approval converts its share then, the share counted on all final units so far. 300,000 ordered
     * on 2026-01-24; final approvals of 133,333 on 2026-01-28 (day 27) and 133,334 on 2026-02-27 (day 57); share
     * 0.6; conversionDays fixed 14.
     * <ul>
     * <li>day 27: floor(0.6 x 133,333) = 79,999: purchase order at day 41;</li>
     * <li>day 57: floor(0.6 x 266,667) = floor(160,000.2) = 160,000 in all, so 80,001 more: purchase order at day 71
     * (2026-03-13).</li>
     * </ul>
     * 266,667 - 160,000 = 106,667 stay in conversion. (A floor per approval would give 79,999 + 80,000 = 159,999.)
     */
    @Test
    void aLaterFinalApprovalConvertsItsShareThen() {
        Scenario s = quiet().shipmentUnits(8_000).conversionShare(0.6).conversionDays(new Fixed(14))
                .firms(List.of(firm("A", List.of(order("2026-01-24", 300_000)),
                        List.of(finalApproval("2026-01-28", 133_333), finalApproval("2026-02-27", 133_334)))))
                .build();
        SupplyResult r = run(s);
        assertEquals(Map.of(41.0, 79_999L, 71.0, 80_001L),
                unitsByDay(moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(160_000, r.firm("A").converted());
        assertEquals(106_667, atEnd(r, "A", Stage.CONVERSION));
    }

    /**
     * The units a firm converts at one instant form one purchase order: one draw of a random conversionDays for all
     * of them, and a purchase order never goes before the firm's previous one. Share 1, shipments of 8,000; 40,000
     * ordered on 2026-01-01; final approvals of 16,000 on 2026-01-10 (day 9: two shipments) and 24,000 on 2026-01-11
     * (day 10: three shipments); conversionDays uniform(5, 25). The conversion stream's first two draws d1, d2
     * (replayed here from the same named stream) give purchase orders at t1 = 9 + d1 (both shipments) and
     * t2 = max(10 + d2, t1) (all three). Two seeds: one where 10 + d2 &lt; t1 (the second order waits for the first:
     * all 40,000 at t1), one where it does not.
     */
    @Test
    void unitsConvertingAtOneInstantFormOnePurchaseOrder() {
        boolean sawBinding = false;
        boolean sawFree = false;
        for (long seed = 1; !(sawBinding && sawFree); seed++) {
            ContinuousSampler draws = new Uniform(5, 25).sampler(
                    RandomStreams.of(seed).stream(SupplyModel.STREAM_CONVERSION));
            double t1 = 9 + draws.sample();
            double t2 = Math.max(10 + draws.sample(), t1);
            boolean binding = t2 == t1;
            if (binding ? sawBinding : sawFree) {
                continue;
            }
            Scenario s = quiet().shipmentUnits(8_000).conversionDays(new Uniform(5, 25)).firms(List.of(firm("A",
                    List.of(order("2026-01-01", 40_000)),
                    List.of(finalApproval("2026-01-10", 16_000), finalApproval("2026-01-11", 24_000))))).build();
            SupplyResult r = SupplyModel.run(s, RandomStreams.of(seed), true);
            List<TraceEvent> po = moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA);
            assertEquals(List.of(8_000L, 8_000L, 8_000L, 8_000L, 8_000L), units(po));
            Map<Double, Long> expected = new TreeMap<>();
            expected.merge(t1, 16_000L, Long::sum);
            expected.merge(t2, 24_000L, Long::sum);
            assertEquals(expected, unitsByDay(po), "seed " + seed);
            assertTrue(po.get(0).time() == t1 && po.get(1).time() == t1, "the first order's two shipments at t1");
            sawBinding |= binding;
            sawFree |= !binding;
        }
    }
}
