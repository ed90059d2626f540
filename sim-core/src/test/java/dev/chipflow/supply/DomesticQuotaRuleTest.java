package dev.chipflow.supply;

import static dev.chipflow.supply.ChinaSide.atEnd;
import static dev.chipflow.supply.ChinaSide.d;
import static dev.chipflow.supply.ChinaSide.finalApproval;
import static dev.chipflow.supply.ChinaSide.firm;
import static dev.chipflow.supply.ChinaSide.moves;
import static dev.chipflow.supply.ChinaSide.order;
import static dev.chipflow.supply.ChinaSide.quiet;
import static dev.chipflow.supply.ChinaSide.run;
import static dev.chipflow.supply.ChinaSide.unitsByDay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The domestic-chip quota ({@link DomesticMarket}): a purchase order needs {@code domestic.ratio} domestic chips per
 * H200 from one stock shared by all firms: {@code domestic.initialStock}, plus {@code domestic.outputPerYear / 365}
 * added at the start of each day; purchase orders are served first come first served across firms, exact to the unit
 * (the affordable part of a larger purchase order passes). A firm's domestic chips bought are ratio x its units that
 * passed. The moves DOMESTIC_QUOTA -> LICENCE_LIMIT date the units that passed; every other stage is instantaneous
 * (share 1, no delays, China's clearance on day 0).
 */
class DomesticQuotaRuleTest {

    /**
     * Ratio 2; initial stock 10,000; output 36,500 a year = 100 a day, added at days 0, 1, 2, ...; horizon
     * 2026-04-30 (day 119: the run is days [0, 120)). Shipments of 8,000.
     * <ul>
     * <li>Firm A: 8,000 ordered and finally approved on 2026-01-01: one purchase order of 8,000 at day 0.</li>
     * <li>Firm B: 4,000 ordered on 2026-01-01, finally approved on 2026-01-02: one purchase order of 4,000 at day 1,
     * behind what is left of A's.</li>
     * </ul>
     * Day 0: the stock is 10,000 + 100 = 10,100 chips, enough for 10,100 / 2 = 5,050 of A's units (split off); the
     * stock is then 0 and 2,950 of A's wait. Each later day brings 100 chips, 50 units. First come first served:
     * A's 2,950 take days 1 to 59 (59 x 50), B gets nothing before A is done. B's 4,000 then pass 50 a day from day 60;
     * to day 119 that is 60 days, 3,000 units; 1,000 still wait at the end.
     * <ul>
     * <li>A: 8,000 passed, 2 x 8,000 = 16,000 domestic chips; B: 3,000 passed, 6,000 chips.</li>
     * <li>Produced: 10,000 + 120 x 100 = 22,000 chips, all bought.</li>
     * </ul>
     * With the ratio halved (1), A's whole 8,000 would pass at day 0; in whole shipments, A would wait to day 59
     * (stock 10,000 + 60 x 100 = 16,000); served smallest first or per firm, B would pass before day 60.
     */
    @Test
    void oneSharedStockServedFirstComeFirstServedExactToTheUnit() {
        Scenario s = quiet().shipmentUnits(8_000).horizonEnd(d("2026-04-30")).domesticRatio(2)
                .domesticInitialStock(10_000).domesticOutputPerYear(36_500).firms(List.of(
                        firm("A", List.of(order("2026-01-01", 8_000)), List.of(finalApproval("2026-01-01", 8_000))),
                        firm("B", List.of(order("2026-01-01", 4_000)), List.of(finalApproval("2026-01-02", 4_000)))))
                .build();
        SupplyResult r = run(s);
        Map<Double, Long> passedA = new TreeMap<>();
        passedA.put(0.0, 5_050L);
        for (int day = 1; day <= 59; day++) {
            passedA.put((double) day, 50L);
        }
        Map<Double, Long> passedB = new TreeMap<>();
        for (int day = 60; day <= 119; day++) {
            passedB.put((double) day, 50L);
        }
        assertEquals(Map.of(0.0, 8_000L), unitsByDay(moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(Map.of(1.0, 4_000L), unitsByDay(moves(s, r, "B", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(passedA, unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        assertEquals(passedB, unitsByDay(moves(s, r, "B", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        FirmResult a = r.firm("A");
        FirmResult b = r.firm("B");
        assertEquals(8_000, a.converted());
        assertEquals(4_000, b.converted());
        assertEquals(8_000, a.licensed());
        assertEquals(3_000, b.licensed());
        assertEquals(1_000, atEnd(r, "B", Stage.DOMESTIC_QUOTA));
        assertEquals(16_000, a.domesticChips(), 1e-6);
        assertEquals(6_000, b.domesticChips(), 1e-6);
        assertEquals(22_000, r.system().domesticProduced(), 1e-6);
        assertEquals(22_000, r.system().domesticBought(), 1e-6);
    }

    /**
     * A fractional ratio, a stock and no output. Ratio 1.5, initial stock 10,000, output 0: A's purchase order of
     * 8,000 (2026-01-01) passes floor(10,000 / 1.5) = floor(6,666.7) = 6,666 units at day 0, buying 1.5 x 6,666 =
     * 9,999 chips; the one chip left buys no unit, so 1,334 wait for the rest of the year.
     */
    @Test
    void aFractionalRatioPassesTheWholeUnitsTheStockAffords() {
        Scenario s = quiet().domesticRatio(1.5).domesticInitialStock(10_000).domesticOutputPerYear(0).firms(List.of(
                firm("A", List.of(order("2026-01-01", 8_000)), List.of(finalApproval("2026-01-01", 8_000))))).build();
        SupplyResult r = run(s);
        assertEquals(Map.of(0.0, 6_666L), unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        assertEquals(6_666, r.firm("A").licensed());
        assertEquals(1_334, atEnd(r, "A", Stage.DOMESTIC_QUOTA));
        assertEquals(9_999, r.firm("A").domesticChips(), 1e-6);
    }

    /**
     * The ratio scales the chips bought and the units the stock allows. Stock 6,000, no output; A's purchase order
     * of 5,000 on 2026-01-01. Ratio 1: all 5,000 pass at day 0, 5,000 chips bought. Ratio 2: 3,000 pass, 6,000 chips.
     * Ratio 0: no quota, all 5,000 pass with an empty stock, 0 chips.
     */
    @Test
    void theRatioSetsChipsPerUnit() {
        long[][] cases = {{1, 6_000, 5_000, 5_000}, {2, 6_000, 3_000, 6_000}, {0, 0, 5_000, 0}};
        for (long[] c : cases) {
            Scenario s = quiet().domesticRatio(c[0]).domesticInitialStock(c[1]).domesticOutputPerYear(0)
                    .firms(List.of(firm("A", List.of(order("2026-01-01", 5_000)),
                            List.of(finalApproval("2026-01-01", 5_000))))).build();
            SupplyResult r = run(s);
            String at = "ratio " + c[0];
            assertEquals(Map.of(0.0, c[2]), unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)),
                    at);
            assertEquals(c[2], r.firm("A").licensed(), at);
            assertEquals(c[3], r.firm("A").domesticChips(), 1e-6, at);
            assertEquals(c[3], r.system().domesticBought(), 1e-6, at);
        }
    }
}
