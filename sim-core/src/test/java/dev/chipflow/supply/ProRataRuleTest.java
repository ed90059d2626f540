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
import org.junit.jupiter.api.Test;

/**
 * PRO_RATA allocation in the whole model (NvidiaSupply's Javadoc): water-filling on {@code allocated / approved}, whole
 * units by largest remainder, ties in scenario order. Big is approved 60,000 and Small 20,000 (3:1), both final on
 * 2026-01-01; supply trickles in at the start of each day while both wait. Allocation is read from the trace
 * (ALLOCATION -> LICENCE per day). The split itself is unit-tested in {@link ProRataSharesTest}.
 */
class ProRataRuleTest {

    /**
     * Same-day contention with rounding. Big orders 60,000 and Small 20,000, both on 2026-01-02 (day 1); no inventory;
     * 7,007/week = 1,001/day from 2026-01-05 (day 4); horizon 2026-01-08 (day 7). Both firms sit at the common level
     * every day, so after n days the water level gives Big 3/4 and Small 1/4 of 1,001 n, and each day's split is
     * the increment, rounded by largest remainder:
     *
     * <pre>
     * day 4  from 0, 0:         750.75 / 250.25 -> 750 + 250, unit to Big (0.75)   -> 751 / 250 (cum 751 / 250)
     * day 5  from 751, 250:     1,501.5 - 751 = 750.5 / 500.5 - 250 = 250.5: tie -> Big, listed first
     *                                                                              -> 751 / 250 (cum 1,502 / 500)
     * day 6  from 1,502, 500:   2,252.25 - 1,502 = 750.25 / 750.75 - 500 = 250.75 -> unit to Small
     *                                                                              -> 750 / 251 (cum 2,252 / 751)
     * day 7  from 2,252, 751:   3,003 - 2,252 = 751 / 1,001 - 751 = 250 exactly   -> 751 / 250 (cum 3,003 / 1,001)
     * </pre>
     * After four days the allocations are exactly 3:1 (3,003 : 1,001) and the inventory is empty every evening.
     */
    @Test
    void sameDayPurchaseOrdersShareEachDaysOutputThreeToOne() {
        Scenario s = frictionless().allocation(AllocationPolicy.PRO_RATA).productionStart(d("2026-01-05"))
                .productionUnitsPerWeek(7_007).horizonEnd(d("2026-01-08"))
                .firms(List.of(firm("Big", 0, "2026-01-02", 60_000), firm("Small", 0, "2026-01-02", 20_000)))
                .build();
        SupplyResult r = run(s);
        assertEquals(days(4, 751, 5, 751, 6, 750, 7, 751), movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE), "Big");
        assertEquals(days(4, 250, 5, 250, 6, 251, 7, 250), movedByDay(r, 1, Stage.ALLOCATION, Stage.LICENCE),
                "Small");
        assertEquals(3_003, r.firm("Big").allocated());
        assertEquals(1_001, r.firm("Small").allocated());
        assertEquals(4_004, r.system().produced());
        assertEquals(0, r.system().inventoryEnd());
    }

    /**
     * Weights are the approvals granted by now. As in the same-day case above (Big and Small approved 60,000 and
     * 20,000 on 2026-01-01, 1,001 a day from day 4), but Big also holds a second approval of 120,000 dated 2026-01-20
     * (day 19) and the horizon runs to 2026-01-31. On days 4 to 6 that approval is not known yet, so the weights are
     * still 3:1 and the splits are those derived above: Big 751, 751, 750 and Small 250, 250, 251. Weighting by every
     * approval of the scenario (180,000 : 20,000 = 9:1) would give Small about 100 a day instead.
     */
    @Test
    void anApprovalDatedLaterDoesNotWeighYet() {
        Firm big = new Firm("Big", List.of(new Order(d("2026-01-02"), 60_000)), List.of(
                new Approval(d("2026-01-01"), 60_000, false), new Approval(d("2026-01-20"), 120_000, false)), 0);
        Scenario s = frictionless().allocation(AllocationPolicy.PRO_RATA).productionStart(d("2026-01-05"))
                .productionUnitsPerWeek(7_007).horizonEnd(d("2026-01-31"))
                .firms(List.of(big, firm("Small", 0, "2026-01-02", 20_000))).build();
        SupplyResult r = run(s);
        assertEquals(days(4, 751, 5, 751, 6, 750),
                movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE).headMap(7), "Big");
        assertEquals(days(4, 250, 5, 250, 6, 251),
                movedByDay(r, 1, Stage.ALLOCATION, Stage.LICENCE).headMap(7), "Small");
    }

    /**
     * Water-filling: the lowest share is raised first, and a firm's demand bounds it. Big orders 60,000 on 2026-01-02
     * (day 1), Small 1,100 on 2026-01-03 (day 2). Inventory 2,000; 7,000/week = 1,000/day from 2026-01-05 (day 4);
     * horizon 2026-01-10 (day 9).
     *
     * <pre>
     * day 1   Big alone takes the 2,000 in stock (share 2,000/60,000 = 1/30)
     * day 2   Small arrives, nothing in stock
     * day 4   level L: (L - 1/30) 60,000 + L 20,000 = 1,000 -> 80,000 L = 3,000, L = 0.0375
     *         Big 2,250 - 2,000 = 250, Small 750 (Small catches up, then both rise 3:1)
     * day 5   both at 0.0375: 1,000 -> Big 750, Small 250 (Small has 350 left, enough)
     * day 6   both at 0.05: Small has 100 left, less than its 250 -> Small 100, Big 900 (level 0.065)
     * day 7-9 Big alone: 1,000 a day
     * </pre>
     * Big 2,000 + 250 + 750 + 900 + 3,000 = 6,900; Small 1,100. Produced 6 x 1,000; inventory end 2,000 + 6,000
     * - 8,000 = 0. Splitting each day 3:1 regardless of history would give Small 250 on day 4; serving only the lowest
     * share would give it all 1,000.
     */
    @Test
    void theLowestShareCatchesUpAndDemandBoundsAFirm() {
        Scenario s = frictionless().allocation(AllocationPolicy.PRO_RATA).inventoryUnits(2_000)
                .productionStart(d("2026-01-05")).productionUnitsPerWeek(7_000).horizonEnd(d("2026-01-10"))
                .firms(List.of(new Firm("Big", List.of(new Order(d("2026-01-02"), 60_000)),
                                List.of(new Approval(d("2026-01-01"), 60_000, false)), 0),
                        new Firm("Small", List.of(new Order(d("2026-01-03"), 1_100)),
                                List.of(new Approval(d("2026-01-01"), 20_000, false)), 0)))
                .build();
        SupplyResult r = run(s);
        assertEquals(each(days(1, 2_000, 4, 250, 5, 750, 6, 900), 7, 9, 1_000),
                movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE), "Big");
        assertEquals(days(4, 750, 5, 250, 6, 100), movedByDay(r, 1, Stage.ALLOCATION, Stage.LICENCE), "Small");
        assertEquals(6_900, r.firm("Big").allocated());
        assertEquals(1_100, r.firm("Small").allocated());
        assertEquals(0, r.system().inventoryEnd());
    }
}
