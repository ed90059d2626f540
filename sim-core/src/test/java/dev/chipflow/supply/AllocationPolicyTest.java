package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scarce supply is shared as each allocation policy says. */
class AllocationPolicyTest {

    private static final LocalDate JAN2 = LocalDate.of(2026, 1, 2);
    private static final LocalDate JAN3 = LocalDate.of(2026, 1, 3);

    /** Two firms, each ordering and approved 40,000 (final); supply 40,000 and no more; nothing else gates. */
    private static Scenario scarce(AllocationPolicy policy, long approvedBig) {
        Firm a = new Firm("Early", List.of(new Order(JAN2, 40_000)),
                List.of(new Approval(JAN2, approvedBig, false)), 1);
        Firm b = new Firm("Late", List.of(new Order(JAN3, 40_000)),
                List.of(new Approval(JAN2, 40_000, false)), 0);
        return Scenario.builder().noDelays().firms(List.of(a, b)).inventoryUnits(40_000).productionStart(null)
                .allocation(policy).conversionShare(1).domesticRatio(0).capRatio(Double.POSITIVE_INFINITY).labLines(Integer.MAX_VALUE)
                .customsBlocks(List.of()).chinaClearance(LocalDate.of(2026, 1, 1)).shipmentUnits(1000).build();
    }

    private static long allocated(SupplyResult r, String firm) {
        return r.firm(firm).allocated();
    }

    @Test
    void firstComeFirstServedGivesEverythingToTheEarlierOrder() {
        SupplyResult r = SupplyModel.run(scarce(AllocationPolicy.FCFS, 40_000), RandomStreams.of(1));
        assertEquals(40_000, allocated(r, "Early"));
        assertEquals(0, allocated(r, "Late"));
    }

    @Test
    void priorityServesTheLowerRankFirstEvenIfLater() {
        SupplyResult r = SupplyModel.run(scarce(AllocationPolicy.PRIORITY, 40_000), RandomStreams.of(1));
        // Early's orders arrive a day before Late's and take the stock at once: priority only orders a queue.
        assertEquals(40_000, allocated(r, "Early"));
        Scenario sameDay = scarce(AllocationPolicy.PRIORITY, 40_000).toBuilder().firms(List.of(
                new Firm("Early", List.of(new Order(JAN3, 40_000)), List.of(new Approval(JAN2, 40_000, false)), 1),
                new Firm("Late", List.of(new Order(JAN3, 40_000)), List.of(new Approval(JAN2, 40_000, false)), 0)))
                .productionStart(JAN3).inventoryUnits(0).productionUnitsPerWeek(7_000)
                .horizonEnd(LocalDate.of(2026, 1, 30)).build();
        SupplyResult p = SupplyModel.run(sameDay, RandomStreams.of(1));
        assertTrue(allocated(p, "Late") > allocated(p, "Early"), "rank 0 is served first: " + p.firms());
    }

    @Test
    void proRataSharesInProportionToApprovals() {
        // Supply trickles in (1,000 a day) while both firms wait: shares follow approvals 3:1.
        Scenario s = scarce(AllocationPolicy.PRO_RATA, 40_000).toBuilder().firms(List.of(
                new Firm("Big", List.of(new Order(JAN2, 60_000)), List.of(new Approval(JAN2, 60_000, false)), 0),
                new Firm("Small", List.of(new Order(JAN2, 20_000)), List.of(new Approval(JAN2, 20_000, false)), 0)))
                .inventoryUnits(0).productionStart(JAN3).productionUnitsPerWeek(7_000)
                .horizonEnd(LocalDate.of(2026, 1, 30)).build();
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(1));
        double big = allocated(r, "Big");
        double small = allocated(r, "Small");
        assertTrue(big + small >= 20_000);
        assertEquals(3.0, big / small, 0.15);
    }
}
