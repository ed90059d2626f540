package dev.chipflow.supply;

import static dev.chipflow.supply.RuleFixtures.d;
import static dev.chipflow.supply.RuleFixtures.days;
import static dev.chipflow.supply.RuleFixtures.firm;
import static dev.chipflow.supply.RuleFixtures.frictionless;
import static dev.chipflow.supply.RuleFixtures.moved;
import static dev.chipflow.supply.RuleFixtures.movedByDay;
import static dev.chipflow.supply.RuleFixtures.run;
import static dev.chipflow.supply.RuleFixtures.waitingAtLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The US quantity limits (LicenceLimit's Javadoc), checked before Nvidia allocates: a purchase order reserves its units
 * against {@code licence.perFirmCap} and {@code licence.totalCeiling} as it passes, the part beyond the room left
 * (exact to the unit, the shipment at the edge split) waits in LICENCE_LIMIT for good and never takes inventory; a
 * firm's purchase orders pass in order, firms share the ceiling first come first served. Every scenario is
 * {@link RuleFixtures#frictionless()} with shipments of 8,000: what passes the limit is allocated, licensed and
 * delivered the same day if there is inventory.
 */
class LicenceLimitRuleTest {

    private static Scenario.Builder limits() {
        return frictionless().shipmentUnits(8_000);
    }

    /**
     * Per-firm cap 25,000; F orders 40,000 on 2026-01-02 (day 1), five shipments of 8,000, and 10,000 more on
     * 2026-02-01 (day 31); inventory 100,000, no production. Day 1: three shipments pass (24,000), the fourth is split
     * at the 1,000 left, its other 7,000 and the fifth 8,000 wait: 25,000 allocated and licensed on day 1, 15,000 held.
     * Day 31: no room, all 10,000 held. At the end: 25,000 delivered, 25,000 in LICENCE_LIMIT, inventory 75,000.
     */
    @Test
    void perFirmCapIsExactToTheUnitAndTheRestWaitsAtTheLimit() {
        Scenario s = limits().licencePerFirmCap(25_000).inventoryUnits(100_000)
                .firms(List.of(firm("F", 0, "2026-01-02", 40_000, "2026-02-01", 10_000))).build();
        SupplyResult r = run(s);
        assertEquals(days(1, 25_000), movedByDay(r, 0, Stage.LICENCE_LIMIT, Stage.ALLOCATION));
        assertEquals(days(1, 25_000), movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE));
        assertEquals(25_000, r.firm("F").licensed());
        assertEquals(25_000, r.firm("F").delivered());
        assertEquals(25_000, waitingAtLimit(r, "F"));
        assertEquals(75_000, r.system().inventoryEnd());
    }

    /**
     * Ceiling 50,000 shared first come first served. Late (listed first) orders 40,000 on 2026-01-03 (day 2), Early
     * 40,000 on 2026-01-02 (day 1); inventory 1,000,000. Day 1: Early passes 40,000 (room 10,000 left). Day 2: Late
     * passes 10,000 (a shipment split at the edge), 30,000 held. Serving the later order first would give Late 40,000.
     */
    @Test
    void theCeilingIsSharedFirstComeFirstServed() {
        Scenario s = limits().licenceTotalCeiling(50_000).inventoryUnits(1_000_000)
                .firms(List.of(firm("Late", 0, "2026-01-03", 40_000), firm("Early", 0, "2026-01-02", 40_000)))
                .build();
        SupplyResult r = run(s);
        assertEquals(days(1, 40_000), movedByDay(r, 1, Stage.ALLOCATION, Stage.LICENCE), "Early");
        assertEquals(days(2, 10_000), movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE), "Late");
        assertEquals(0, waitingAtLimit(r, "Early"));
        assertEquals(30_000, waitingAtLimit(r, "Late"));
        assertEquals(50_000, r.deliveredTotal());
    }

    /**
     * Both limits, same day. Cap 30,000 and ceiling 50,000; A then B (scenario order, so A arrives first) each order
     * 40,000 on 2026-01-02 (day 1); inventory 1,000,000. A: min(30,000 cap room, 50,000 ceiling room) = 30,000 pass,
     * 10,000 held by the cap. B: min(30,000, 50,000 - 30,000 = 20,000) = 20,000 pass, 20,000 held by the ceiling.
     */
    @Test
    void aPurchaseOrderPassesAsFarAsTheTighterLimitAllows() {
        Scenario s = limits().licencePerFirmCap(30_000).licenceTotalCeiling(50_000).inventoryUnits(1_000_000)
                .firms(List.of(firm("A", 0, "2026-01-02", 40_000), firm("B", 0, "2026-01-02", 40_000))).build();
        SupplyResult r = run(s);
        assertEquals(30_000, r.firm("A").licensed());
        assertEquals(20_000, r.firm("B").licensed());
        assertEquals(10_000, waitingAtLimit(r, "A"));
        assertEquals(20_000, waitingAtLimit(r, "B"));
    }

    /**
     * REGRESSION: a capped firm must not strand inventory. Per-firm cap 20,000; inventory 100,000, no production; four
     * firms each order 40,000 on 2026-01-02 (day 1), approved 40,000. Each passes 20,000 to allocation and holds 20,000
     * at the limit: 80,000 allocated, licensed and delivered, inventory end 100,000 - 80,000 = 20,000, nothing waiting
     * for supply. Checking the cap after allocation would let the first two firms take 40,000 each and the third the
     * last 20,000: 60,000 licensed, 40,000 of inventory stranded at capped firms. The limit comes before allocation
     * under every policy.
     */
    @ParameterizedTest
    @EnumSource(AllocationPolicy.class)
    void aCappedFirmNeverStrandsInventory(AllocationPolicy policy) {
        List<Firm> four = List.of(firm("A", 0, "2026-01-02", 40_000), firm("B", 1, "2026-01-02", 40_000),
                firm("C", 2, "2026-01-02", 40_000), firm("D", 3, "2026-01-02", 40_000));
        Scenario s = limits().allocation(policy).licencePerFirmCap(20_000).inventoryUnits(100_000).firms(four).build();
        SupplyResult r = run(s);
        for (int f = 0; f < 4; f++) {
            String name = four.get(f).name();
            assertEquals(days(1, 20_000), movedByDay(r, f, Stage.LICENCE_LIMIT, Stage.ALLOCATION), name);
            assertEquals(20_000, r.firms().get(f).allocated(), name);
            assertEquals(20_000, r.firms().get(f).delivered(), name);
            assertEquals(20_000, waitingAtLimit(r, name), name);
            assertEquals(0, r.firms().get(f).unitsAtEnd()[Stage.ALLOCATION.ordinal()], name);
        }
        assertEquals(80_000, r.deliveredTotal());
        assertEquals(20_000, r.system().inventoryEnd());
    }

    /**
     * Units held at the limit never take inventory even when it is short. Cap 20,000; inventory 30,000; A orders 40,000
     * on 2026-01-02 (day 1), B 40,000 on 2026-01-03 (day 2); FCFS. Day 1: A passes 20,000 and takes 20,000 of stock.
     * Day 2: B passes 20,000, takes the 10,000 left; 10,000 wait for supply, 20,000 at the limit. Allocated 20,000 and
     * 10,000; with the cap checked after allocation A would take all 30,000 and B nothing.
     */
    @Test
    void unitsHeldAtTheLimitLeaveShortInventoryToOthers() {
        Scenario s = limits().licencePerFirmCap(20_000).inventoryUnits(30_000).horizonEnd(d("2026-01-31"))
                .firms(List.of(firm("A", 0, "2026-01-02", 40_000), firm("B", 0, "2026-01-03", 40_000))).build();
        SupplyResult r = run(s);
        assertEquals(days(1, 20_000), movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE));
        assertEquals(days(2, 10_000), movedByDay(r, 1, Stage.ALLOCATION, Stage.LICENCE));
        assertEquals(20_000, moved(r, 1, Stage.LICENCE_LIMIT, Stage.ALLOCATION));
        assertEquals(10_000, r.firm("B").unitsAtEnd()[Stage.ALLOCATION.ordinal()]);
        assertEquals(20_000, waitingAtLimit(r, "A"));
        assertEquals(20_000, waitingAtLimit(r, "B"));
        assertEquals(0, r.system().inventoryEnd());
    }
}
