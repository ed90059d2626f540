package dev.chipflow.supply;

import static dev.chipflow.supply.ChinaSide.created;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order rule ({@link OrderBook}): on its date each order is cut into shipments of {@code shipment.units}, the last
 * one smaller; orders dated before day 0 count from day 0. Each case is derived by hand in its comment.
 */
class OrderBookRuleTest {

    /**
     * One order of 20,000 units on 2026-03-10, no approval. 2026-03-10 is day 31 + 28 + 9 = 68. The order is cut
     * into n = ceil(20,000 / size) shipments, all of {@code size} units but the last, which holds
     * 20,000 - (n - 1) x size:
     * <ul>
     * <li>8: 2,500 x 8, the last one full (8);</li>
     * <li>7: 2,857 x 7 = 19,999, so 2,858 shipments, the last one of 1 unit;</li>
     * <li>1,000: 20 full shipments; 3,000: 6 x 3,000 = 18,000, then 2,000 (7 shipments);</li>
     * <li>8,000: 8,000 + 8,000 + 4,000; 20,000: one shipment; 50,000: one shipment of the 20,000 ordered.</li>
     * </ul>
     * All are created at day 68, in the firm's first (index 0) order. With no approval, all 20,000 wait in
     * china-approval from day 68 to the end of the run (day 365, the end of 2026-12-31): 297 days each.
     */
    @ParameterizedTest(name = "shipment.units {0}: {1} shipments, the last of {2}")
    @CsvSource({"8, 2500, 8", "7, 2858, 1", "1000, 20, 1000", "3000, 7, 2000", "8000, 3, 4000", "20000, 1, 20000",
        "50000, 1, 20000"})
    void anOrderIsCutIntoShipmentsOfShipmentUnitsTheLastOneSmaller(int size, int count, long last) {
        Scenario s = quiet().shipmentUnits(size)
                .firms(List.of(firm("A", List.of(order("2026-03-10", 20_000)), List.of()))).build();
        SupplyResult r = run(s);
        List<TraceEvent> cut = created(s, r, "A");
        assertEquals(count, cut.size(), "shipments");
        for (int i = 0; i < count; i++) {
            TraceEvent e = cut.get(i);
            assertEquals(68.0, e.time(), "placed on 2026-03-10 = day 68");
            assertEquals(i < count - 1 ? size : last, e.units(), "shipment " + i);
            assertEquals(0, e.other(), "the firm's first order");
            assertEquals(Stage.APPROVAL, e.to());
        }
        FirmResult a = r.firm("A");
        assertEquals(20_000, a.ordered());
        assertEquals(0, a.approved());
        assertEquals(20_000, a.unitsAtEnd()[Stage.APPROVAL.ordinal()]);
        assertEquals(297.0, a.waitDays()[Stage.APPROVAL.ordinal()], 1e-9, "days 68 to 365 in china-approval");
    }

    /**
     * An order of 20,000 dated 2025-12-15 (17 days before day 0) counts from day 0: its three shipments (8,000, 8,000,
     * 4,000) are created at day 0. A final approval of 20,000 on 2026-01-05 (day 4) approves all of them at day 4, and
     * with every later stage instantaneous they are delivered at day 4. So each unit waited 4 days in china-approval
     * and its lead time is 4 days, not 4 + 17 = 21 (the lead time counted from the order's own date).
     */
    @Test
    void anOrderDatedBeforeDayZeroCountsFromDayZero() {
        Scenario s = quiet().shipmentUnits(8_000).firms(List.of(firm("A",
                List.of(order("2025-12-15", 20_000)), List.of(finalApproval("2026-01-05", 20_000))))).build();
        SupplyResult r = run(s);
        List<TraceEvent> cut = created(s, r, "A");
        assertEquals(List.of(8_000L, 8_000L, 4_000L), ChinaSide.units(cut));
        cut.forEach(e -> assertEquals(0.0, e.time(), "created at day 0"));
        assertEquals(Map.of(4.0, 20_000L), unitsByDay(moves(s, r, "A", Stage.APPROVAL, Stage.CONDITIONS)));
        FirmResult a = r.firm("A");
        assertEquals(20_000, a.ordered());
        assertEquals(20_000, a.delivered());
        assertEquals(4.0, a.waitDays()[Stage.APPROVAL.ordinal()], 1e-9);
        assertEquals(4.0, a.leadTimeMean(), 1e-9);
    }

    /**
     * Orders are placed on their dates whatever the order they are listed in, and numbered firm by firm in scenario
     * order (the key of a per-order licence). Shipments of 8 units. Firm A lists 17 units on 2026-02-01 (day 31,
     * order 0) then 5 units on 2026-01-10 (day 9, order 1); firm B orders 9 units on 2026-01-05 (day 4, order 2).
     * The creation log, in time order:
     * <pre>
     * day  4  B  order 2: 8, 1
     * day  9  A  order 1: 5
     * day 31  A  order 0: 8, 8, 1
     * </pre>
     */
    @Test
    void ordersArePlacedOnTheirDatesAndNumberedFirmByFirm() {
        Scenario s = quiet().shipmentUnits(8).horizonEnd(d("2026-03-31")).firms(List.of(
                firm("A", List.of(order("2026-02-01", 17), order("2026-01-10", 5)), List.of()),
                firm("B", List.of(order("2026-01-05", 9)), List.of()))).build();
        SupplyResult r = run(s);
        List<String> log = r.trace().stream().filter(e -> e.kind() == TraceEvent.Kind.CREATED)
                .map(e -> (long) e.time() + " " + s.firms().get(e.firm()).name() + " " + e.other() + " " + e.units())
                .toList();
        assertEquals(List.of("4 B 2 8", "4 B 2 1", "9 A 1 5", "31 A 0 8", "31 A 0 8", "31 A 0 1"), log);
        assertEquals(22, r.firm("A").ordered());
        assertEquals(9, r.firm("B").ordered());
    }
}
