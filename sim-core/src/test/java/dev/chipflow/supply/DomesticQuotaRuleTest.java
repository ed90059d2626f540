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
import org.junit.jupiter.api.Test;

/**
 * The domestic-chip quota ({@link DomesticMarket}): a purchase order needs {@code domestic.ratio} domestic chips per
 * H200 from one stock shared by all firms: {@code domestic.initialStock}, plus {@code domestic.outputPerYear / 365}
 * added at the start of each day. Purchase orders are served whole and first come first served across firms: the head
 * one buys all its chips at once when the stock covers them, and those behind it wait. A firm's domestic chips bought
 * are ratio x its units that passed. The moves DOMESTIC_QUOTA -> LICENCE_LIMIT date the units that passed; every
 * other stage is instantaneous (share 1, no delays, China's clearance on day 0).
 */
class DomesticQuotaRuleTest {

    /**
     * Ratio 2; initial stock 10,000; output 36,500 a year = 100 a day, added at days 0, 1, 2, ...; horizon
     * 2026-04-30 (day 119: the run is days [0, 120)). Shipments of 1,000, so each purchase order is several shipments.
     * <ul>
     * <li>Firm A: 8,000 ordered and finally approved on 2026-01-01: one purchase order of 8,000 at day 0, needing
     * 16,000 chips.</li>
     * <li>Firm B: 2,000 ordered on 2026-01-01, finally approved on 2026-01-02: one purchase order of 2,000 at day 1,
     * needing 4,000 chips, behind A's.</li>
     * </ul>
     * After day d's output the stock is 10,000 + 100 (d + 1) while nothing is bought. A's 16,000 are there when
     * d + 1 = 60: A's 8,000 pass whole at day 59, leaving 0. B's need would be covered from day 1 (10,200 chips), but
     * B is behind A and waits; from day 60 the stock is 100 (d - 59), 4,000 at day 99: B's 2,000 pass at day 99.
     * <ul>
     * <li>A: 8,000 passed, 16,000 chips; B: 2,000 passed, 4,000 chips.</li>
     * <li>Produced: 10,000 + 120 x 100 = 22,000 chips; bought 20,000.</li>
     * </ul>
     * With the ratio halved (1), A would pass at day 0; cut into affordable pieces, A would pass 5,050 at day 0; served
     * smallest first or per firm, B would pass at day 1.
     */
    @Test
    void oneSharedStockServedWholeFirstComeFirstServed() {
        Scenario s = quiet().shipmentUnits(1_000).horizonEnd(d("2026-04-30")).domesticRatio(2)
                .domesticInitialStock(10_000).domesticOutputPerYear(36_500).firms(List.of(
                        firm("A", List.of(order("2026-01-01", 8_000)), List.of(finalApproval("2026-01-01", 8_000))),
                        firm("B", List.of(order("2026-01-01", 2_000)), List.of(finalApproval("2026-01-02", 2_000)))))
                .build();
        SupplyResult r = run(s);
        assertEquals(Map.of(0.0, 8_000L), unitsByDay(moves(s, r, "A", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(Map.of(1.0, 2_000L), unitsByDay(moves(s, r, "B", Stage.CONVERSION, Stage.DOMESTIC_QUOTA)));
        assertEquals(Map.of(59.0, 8_000L), unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        assertEquals(Map.of(99.0, 2_000L), unitsByDay(moves(s, r, "B", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        FirmResult a = r.firm("A");
        FirmResult b = r.firm("B");
        assertEquals(8_000, a.licensed());
        assertEquals(2_000, b.licensed());
        assertEquals(0, atEnd(r, "B", Stage.DOMESTIC_QUOTA));
        assertEquals(16_000, a.domesticChips(), 1e-6);
        assertEquals(4_000, b.domesticChips(), 1e-6);
        assertEquals(22_000, r.system().domesticProduced(), 1e-6);
        assertEquals(20_000, r.system().domesticBought(), 1e-6);
    }

    /**
     * A fractional ratio, a stock and no output, at the edge. Ratio 1.5, initial stock 10,000, output 0. A's purchase
     * order of 6,666 (2026-01-01) needs 9,999 chips: it passes at day 0, leaving 1 chip. B's purchase order of 1 unit
     * (2026-01-02) needs 1.5 chips: it waits for the rest of the year, and buys nothing.
     */
    @Test
    void aFractionalRatioPassesAnOrderOnlyWhenEveryChipIsThere() {
        Scenario s = quiet().domesticRatio(1.5).domesticInitialStock(10_000).domesticOutputPerYear(0).firms(List.of(
                firm("A", List.of(order("2026-01-01", 6_666)), List.of(finalApproval("2026-01-01", 6_666))),
                firm("B", List.of(order("2026-01-02", 1)), List.of(finalApproval("2026-01-02", 1))))).build();
        SupplyResult r = run(s);
        assertEquals(Map.of(0.0, 6_666L), unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)));
        assertEquals(6_666, r.firm("A").licensed());
        assertEquals(9_999, r.firm("A").domesticChips(), 1e-6);
        assertEquals(0, r.firm("B").licensed());
        assertEquals(1, atEnd(r, "B", Stage.DOMESTIC_QUOTA));
        assertEquals(0, r.firm("B").domesticChips(), 1e-6);
    }

    /**
     * The ratio scales the chips bought and decides whether the stock covers the order. Stock 6,000, no output; A's
     * purchase order of 5,000 on 2026-01-01. Ratio 1: 5,000 chips needed, all 5,000 pass at day 0. Ratio 2: 10,000
     * needed, more than the stock: nothing passes, nothing is bought. Ratio 0: no quota, all 5,000 pass, 0 chips.
     */
    @Test
    void theRatioSetsChipsPerUnit() {
        long[][] cases = {{1, 5_000, 5_000}, {2, 0, 0}, {0, 5_000, 0}};
        for (long[] c : cases) {
            Scenario s = quiet().domesticRatio(c[0]).domesticInitialStock(6_000).domesticOutputPerYear(0)
                    .firms(List.of(firm("A", List.of(order("2026-01-01", 5_000)),
                            List.of(finalApproval("2026-01-01", 5_000))))).build();
            SupplyResult r = run(s);
            String at = "ratio " + c[0];
            assertEquals(c[1] == 0 ? Map.of() : Map.of(0.0, c[1]),
                    unitsByDay(moves(s, r, "A", Stage.DOMESTIC_QUOTA, Stage.LICENCE_LIMIT)), at);
            assertEquals(c[1], r.firm("A").licensed(), at);
            assertEquals(c[2], r.firm("A").domesticChips(), 1e-6, at);
            assertEquals(c[2], r.system().domesticBought(), 1e-6, at);
        }
    }
}
