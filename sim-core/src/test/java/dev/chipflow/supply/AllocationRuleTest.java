package dev.chipflow.supply;

import static dev.chipflow.supply.RuleFixtures.d;
import static dev.chipflow.supply.RuleFixtures.days;
import static dev.chipflow.supply.RuleFixtures.each;
import static dev.chipflow.supply.RuleFixtures.firm;
import static dev.chipflow.supply.RuleFixtures.frictionless;
import static dev.chipflow.supply.RuleFixtures.movedByDay;
import static dev.chipflow.supply.RuleFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Nvidia allocation under FCFS and PRIORITY, exact to the unit and to the day (NvidiaSupply's Javadoc): a purchase
 * order larger than the inventory takes what there is and waits for the rest; FCFS serves the purchase order that
 * arrived first across firms; PRIORITY serves the lowest rank first and, among equal ranks, the firm whose waiting
 * purchase order arrived first. PRO_RATA is in {@link ProRataRuleTest}.
 *
 * <p>Every scenario is {@link RuleFixtures#frictionless()}: each firm is approved on 2026-01-01 for what it orders,
 * an order placed on day t is a purchase order on day t, and nothing but supply holds a unit back. Allocation is read
 * from the trace as the units that moved ALLOCATION -> LICENCE on each day. Two purchase orders of one day arrive in
 * scenario order (the order book schedules orders firm by firm and equal times run first-scheduled first). A day's
 * output is added at the start of the day.
 */
class AllocationRuleTest {

    private static SortedMap<Integer, Long> allocatedByDay(SupplyResult r, int firm) {
        return movedByDay(r, firm, Stage.ALLOCATION, Stage.LICENCE);
    }

    /**
     * Late (listed first) orders 10,000 on 2026-01-03 (day 2); Early orders 40,000 on 2026-01-02 (day 1), each one
     * shipment. Inventory 25,000; production 7,000/week = 1,000/day from 2026-02-01 (day 31); horizon day 89.
     *
     * <pre>
     * day 1      Early's 40,000 arrive: take the 25,000 there are (split), 15,000 wait; inventory 0
     * day 2      Late's 10,000 arrive and wait behind Early's rest (arrived day 1)
     * day 31..45 Early +1,000 a day: 15 days = 15,000 -> Early complete on day 45 (2026-02-15)
     * day 46..55 Late +1,000 a day: 10 days = 10,000 -> Late complete on day 55 (2026-02-25)
     * day 56..89 34 x 1,000 = 34,000 stay in inventory
     * produced 59 days (31..89) x 1,000 = 59,000; inventory end 25,000 + 59,000 - 50,000 = 34,000
     * </pre>
     * Last come first served would give Late days 31..40; an all-or-nothing allocation would leave Early's order
     * waiting on day 1 and give Late 10,000 of the 25,000 on day 2.
     */
    @Test
    void fcfsServesTheEarlierPurchaseOrderFirstAndALargeOneTakesWhatThereIs() {
        Scenario s = frictionless().shipmentUnits(100_000).inventoryUnits(25_000)
                .productionStart(d("2026-02-01")).productionUnitsPerWeek(7_000)
                .firms(List.of(firm("Late", 0, "2026-01-03", 10_000), firm("Early", 0, "2026-01-02", 40_000)))
                .build();
        SupplyResult r = run(s);
        assertEquals(each(days(1, 25_000), 31, 45, 1_000), allocatedByDay(r, 1), "Early");
        assertEquals(each(new TreeMap<>(), 46, 55, 1_000), allocatedByDay(r, 0), "Late");
        assertEquals(40_000, r.firm("Early").allocated());
        assertEquals(10_000, r.firm("Late").allocated());
        assertEquals(59_000, r.system().produced());
        assertEquals(34_000, r.system().inventoryEnd());
        assertEquals(50_000, r.deliveredTotal());
    }

    /**
     * Same-day contention. A orders 3,000 and B 2,000, both on 2026-01-02 (day 1), in shipments of 1,000; no inventory;
     * 1,000/day from 2026-01-05 (day 4). A's purchase order arrives first within day 1 (listed first), so A takes days
     * 4, 5, 6 and B days 7, 8. Listed the other way round, B arrives first and the days swap. Last come first served
     * would hand day 4 to B's last shipment in the first case.
     */
    @Test
    void fcfsBreaksASameDayTieByArrivalWithinTheDay() {
        Scenario.Builder b = frictionless().productionStart(d("2026-01-05")).productionUnitsPerWeek(7_000);
        Firm a = firm("A", 0, "2026-01-02", 3_000);
        Firm bee = firm("B", 0, "2026-01-02", 2_000);
        SupplyResult ab = run(b.firms(List.of(a, bee)).build());
        assertEquals(days(4, 1_000, 5, 1_000, 6, 1_000), allocatedByDay(ab, 0), "A, listed first");
        assertEquals(days(7, 1_000, 8, 1_000), allocatedByDay(ab, 1), "B, listed second");
        SupplyResult ba = run(b.firms(List.of(bee, a)).build());
        assertEquals(days(4, 1_000, 5, 1_000), allocatedByDay(ba, 0), "B, listed first");
        assertEquals(days(6, 1_000, 7, 1_000, 8, 1_000), allocatedByDay(ba, 1), "A, listed second");
    }

    /**
     * Same day, stock short, nothing produced. Inventory 4,000; A orders 3,000, B 2,000 on 2026-01-02 (day 1), each
     * one shipment. A arrives first and takes 3,000; B takes the 1,000 left (its shipment split) and 1,000 waits in
     * ALLOCATION to the end. Inventory end 4,000 - 4,000 = 0.
     */
    @Test
    void aPurchaseOrderLargerThanTheStockLeftTakesItAndTheRestWaits() {
        Scenario s = frictionless().shipmentUnits(100_000).inventoryUnits(4_000)
                .firms(List.of(firm("A", 0, "2026-01-02", 3_000), firm("B", 0, "2026-01-02", 2_000))).build();
        SupplyResult r = run(s);
        assertEquals(days(1, 3_000), allocatedByDay(r, 0));
        assertEquals(days(1, 1_000), allocatedByDay(r, 1));
        assertEquals(1_000, r.firm("B").unitsAtEnd()[Stage.ALLOCATION.ordinal()]);
        assertEquals(0, r.system().inventoryEnd());
    }

    /**
     * PRIORITY: Second (rank 1, listed first) and First (rank 0) each order 3,000 on 2026-01-02 (day 1); Second's
     * purchase order arrives first within the day. No inventory, 1,000/day from 2026-01-05 (day 4): rank 0 takes days
     * 4, 5, 6, rank 1 days 7, 8, 9. The same scenario under FCFS gives Second (arrived first) days 4, 5, 6.
     */
    @Test
    void priorityServesTheLowerRankFirstEvenIfItArrivedLater() {
        Scenario.Builder b = frictionless().productionStart(d("2026-01-05")).productionUnitsPerWeek(7_000)
                .firms(List.of(firm("Second", 1, "2026-01-02", 3_000), firm("First", 0, "2026-01-02", 3_000)));
        SupplyResult p = run(b.allocation(AllocationPolicy.PRIORITY).build());
        assertEquals(each(new TreeMap<>(), 4, 6, 1_000), allocatedByDay(p, 1), "First (rank 0)");
        assertEquals(each(new TreeMap<>(), 7, 9, 1_000), allocatedByDay(p, 0), "Second (rank 1)");
        SupplyResult f = run(b.allocation(AllocationPolicy.FCFS).build());
        assertEquals(each(new TreeMap<>(), 4, 6, 1_000), allocatedByDay(f, 0), "Second under FCFS");
        assertEquals(each(new TreeMap<>(), 7, 9, 1_000), allocatedByDay(f, 1), "First under FCFS");
    }

    /**
     * PRIORITY with equal ranks: the firm whose waiting purchase order arrived first, judged afresh each time. Listed
     * Z, Y, X. Z (rank 1) orders 1,000 on 2026-01-01 (day 0); Y (rank 0) orders 2,000 on 2026-01-03 (day 2); X (rank
     * 0) orders 1,000 on 2026-01-02 (day 1) and 1,000 on 2026-01-04 (day 3). Shipments of 1,000; no inventory;
     * 1,000/day from 2026-01-10 (day 9).
     *
     * <pre>
     * day 9   rank 0 heads: X day 1, Y day 2           -> X (its day-1 order)
     * day 10  rank 0 heads: X day 3, Y day 2           -> Y
     * day 11  X day 3, Y day 2 (second shipment)       -> Y
     * day 12  X day 3                                  -> X (its day-3 order)
     * day 13  only Z (rank 1, though it came first)    -> Z
     * </pre>
     * Keying a firm by its first purchase order ever would serve X on days 9, 10; ranking by scenario order would
     * serve Y first.
     */
    @Test
    void priorityBreaksEqualRanksByTheWaitingPurchaseOrderThatArrivedFirst() {
        Scenario s = frictionless().allocation(AllocationPolicy.PRIORITY).productionStart(d("2026-01-10"))
                .productionUnitsPerWeek(7_000).horizonEnd(d("2026-01-20"))
                .firms(List.of(firm("Z", 1, "2026-01-01", 1_000), firm("Y", 0, "2026-01-03", 2_000),
                        firm("X", 0, "2026-01-02", 1_000, "2026-01-04", 1_000)))
                .build();
        SupplyResult r = run(s);
        assertEquals(days(9, 1_000, 12, 1_000), allocatedByDay(r, 2), "X");
        assertEquals(days(10, 1_000, 11, 1_000), allocatedByDay(r, 1), "Y");
        assertEquals(days(13, 1_000), allocatedByDay(r, 0), "Z");
        // Output days 9..19 (horizon 2026-01-20 is day 19): 11,000 produced, 5,000 allocated.
        assertEquals(11_000, r.system().produced());
        assertEquals(6_000, r.system().inventoryEnd());
    }
}
