package dev.chipflow.supply;

import static dev.chipflow.supply.ChinaSide.atEnd;
import static dev.chipflow.supply.ChinaSide.conditional;
import static dev.chipflow.supply.ChinaSide.d;
import static dev.chipflow.supply.ChinaSide.finalApproval;
import static dev.chipflow.supply.ChinaSide.firm;
import static dev.chipflow.supply.ChinaSide.moves;
import static dev.chipflow.supply.ChinaSide.order;
import static dev.chipflow.supply.ChinaSide.quiet;
import static dev.chipflow.supply.ChinaSide.run;
import static dev.chipflow.supply.ChinaSide.unitsByDay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.random.Fixed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The NDRC conditions ({@link ChinaApproval}): units of a conditional approval wait in ndrc-conditions until
 * {@code ndrc.conditionDays} after the approval's date, then pass on (to conversion); units of a final approval pass
 * at once; with {@code ndrc.conditionsFinalize} off, conditional units never pass. Every other stage is
 * instantaneous; the moves CONDITIONS -> CONVERSION date the conditions.
 */
class NdrcConditionsRuleTest {

    /**
     * Shipments of 10,000. Firm C orders 40,000 on 2026-01-10 (day 9); conditional approval of 40,000 on 2026-01-28
     * (day 27); ndrc.conditionDays fixed 20, so its conditions are final at day 47 (2026-02-17). Firm F orders 10,000
     * the same day and has a final approval of 10,000 on 2026-01-28.
     * <ul>
     * <li>C: 40,000 approved at day 27 (four moves), 40,000 pass the conditions at day 47 and are delivered then; each
     * unit waited 20 days in ndrc-conditions.</li>
     * <li>F: 10,000 approved and past the conditions at day 27 (no wait).</li>
     * </ul>
     * Ignoring the NDRC delay would move C's units on at day 27.
     */
    @Test
    void conditionalUnitsWaitTheNdrcDelayFinalUnitsPassAtOnce() {
        Scenario s = quiet().shipmentUnits(10_000).ndrcConditionDays(new Fixed(20)).firms(List.of(
                firm("C", List.of(order("2026-01-10", 40_000)), List.of(conditional("2026-01-28", 40_000))),
                firm("F", List.of(order("2026-01-10", 10_000)), List.of(finalApproval("2026-01-28", 10_000)))))
                .build();
        SupplyResult r = run(s);
        assertEquals(Map.of(27.0, 40_000L), unitsByDay(moves(s, r, "C", Stage.APPROVAL, Stage.CONDITIONS)));
        List<TraceEvent> cFinal = moves(s, r, "C", Stage.CONDITIONS, Stage.CONVERSION);
        assertEquals(4, cFinal.size());
        assertEquals(Map.of(47.0, 40_000L), unitsByDay(cFinal));
        assertEquals(Map.of(27.0, 10_000L), unitsByDay(moves(s, r, "F", Stage.APPROVAL, Stage.CONDITIONS)));
        assertEquals(Map.of(27.0, 10_000L), unitsByDay(moves(s, r, "F", Stage.CONDITIONS, Stage.CONVERSION)));
        FirmResult c = r.firm("C");
        assertEquals(40_000, c.approved());
        assertEquals(40_000, c.delivered());
        assertEquals(20.0, c.waitDays()[Stage.CONDITIONS.ordinal()], 1e-9);
        assertEquals(0.0, r.firm("F").waitDays()[Stage.CONDITIONS.ordinal()], 1e-9);
    }

    /**
     * The delay runs from the approval's date, once per approval, not from when each unit is approved. Conditional
     * approval of 30,000 on 2026-02-01 (day 31), ndrc.conditionDays fixed 20: conditions final at day 51. Three
     * orders of 10,000 (one shipment each):
     * <ul>
     * <li>2026-01-01 (day 0): approved at day 31, waits to day 51;</li>
     * <li>2026-02-10 (day 40): approved at once at day 40, waits to day 51 (11 days, not 20);</li>
     * <li>2026-03-01 (day 59): approved at day 59, conditions already final, passes at day 59.</li>
     * </ul>
     * So 20,000 pass at day 51 and 10,000 at day 59. (Counted per unit from its approval: 51, 60, 79.)
     */
    @Test
    void theDelayRunsFromTheApprovalDate() {
        Scenario s = quiet().shipmentUnits(10_000).ndrcConditionDays(new Fixed(20)).firms(List.of(firm("C",
                List.of(order("2026-01-01", 10_000), order("2026-02-10", 10_000), order("2026-03-01", 10_000)),
                List.of(conditional("2026-02-01", 30_000))))).build();
        SupplyResult r = run(s);
        assertEquals(Map.of(31.0, 10_000L, 40.0, 10_000L, 59.0, 10_000L),
                unitsByDay(moves(s, r, "C", Stage.APPROVAL, Stage.CONDITIONS)));
        assertEquals(Map.of(51.0, 20_000L, 59.0, 10_000L),
                unitsByDay(moves(s, r, "C", Stage.CONDITIONS, Stage.CONVERSION)));
        assertEquals(30_000, r.firm("C").converted());
    }

    /**
     * With ndrc.conditionsFinalize off, a conditional approval's units never pass, whatever ndrc.conditionDays; a
     * final approval's still pass at once. C: 40,000 approved on 2026-01-28, all 40,000 in ndrc-conditions at the end
     * of 2026, converted 0, delivered 0. F: 10,000 approved and converted at day 27.
     */
    @Test
    void conditionsThatNeverFinalizeHoldConditionalUnitsForEver() {
        Scenario s = quiet().shipmentUnits(10_000).ndrcConditionDays(new Fixed(20)).conditionsFinalize(false)
                .firms(List.of(
                        firm("C", List.of(order("2026-01-10", 40_000)), List.of(conditional("2026-01-28", 40_000))),
                        firm("F", List.of(order("2026-01-10", 10_000)),
                                List.of(finalApproval("2026-01-28", 10_000))))).build();
        SupplyResult r = run(s);
        FirmResult c = r.firm("C");
        assertEquals(40_000, c.approved());
        assertEquals(0, c.converted());
        assertEquals(0, c.delivered());
        assertEquals(40_000, atEnd(r, "C", Stage.CONDITIONS));
        assertEquals(List.of(), moves(s, r, "C", Stage.CONDITIONS, Stage.CONVERSION));
        assertEquals(Map.of(27.0, 10_000L), unitsByDay(moves(s, r, "F", Stage.CONDITIONS, Stage.CONVERSION)));
        assertEquals(10_000, r.firm("F").converted());
    }

    /**
     * The horizon is half-open. Horizon 2026-03-31 (day 89): the run covers days [0, 90). Conditional approval of
     * 1,000 on 2026-03-01 (day 59), ordered the same day. With a delay of 30 days the conditions are final at day 89,
     * inside the run: 1,000 pass. With 31 days they would be final at day 90 (2026-04-01), outside: the 1,000 stay in
     * ndrc-conditions.
     */
    @ParameterizedTest(name = "ndrc.conditionDays {0}: {1} units pass")
    @CsvSource({"30, 1000", "31, 0"})
    void conditionsFinalOnTheDayAfterTheHorizonAreNotFinalInTheRun(double delay, long passed) {
        Scenario s = quiet().horizonEnd(d("2026-03-31")).ndrcConditionDays(new Fixed(delay)).firms(List.of(
                firm("C", List.of(order("2026-03-01", 1_000)), List.of(conditional("2026-03-01", 1_000))))).build();
        SupplyResult r = run(s);
        List<TraceEvent> passedMoves = moves(s, r, "C", Stage.CONDITIONS, Stage.CONVERSION);
        assertEquals(passed, ChinaSide.total(passedMoves));
        passedMoves.forEach(e -> assertEquals(89.0, e.time()));
        assertEquals(1_000 - passed, atEnd(r, "C", Stage.CONDITIONS));
    }
}
