package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * First come first served is per purchase order across firms, not per firm: the smallest case the invariant property
 * shrank to. Firm A places a purchase order on day 1 and another on day 3, firm B one on day 2; nothing is in stock
 * and production adds 20 units a day from day 5. On day 5 the 20 units go to A's first order and B's; A's second waits
 * for day 6.
 */
class AllocationOrderTest {

    private static LocalDate day(int d) {
        return Calendar.EPOCH.plusDays(d);
    }

    @Test
    void fcfsServesThePurchaseOrderThatArrivedFirstAcrossFirms() {
        Firm a = new Firm("A", List.of(new Order(day(1), 10), new Order(day(3), 10)),
                List.of(new Approval(day(0), 20, false)), 0);
        Firm b = new Firm("B", List.of(new Order(day(2), 10)), List.of(new Approval(day(0), 10, false)), 0);
        Scenario s = Scenario.builder().noDelays().firms(List.of(a, b)).horizonEnd(day(5))
                .chinaClearance(day(0)).licencePolicyStart(day(0)).conversionShare(1).domesticRatio(0)
                .inventoryUnits(0).productionStart(day(5)).productionUnitsPerWeek(140).productionHalts(List.of())
                .allocation(AllocationPolicy.FCFS).capRatio(Double.POSITIVE_INFINITY).labLines(Integer.MAX_VALUE)
                .customsBlocks(List.of()).shipmentUnits(10).build();
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(1), true);
        assertEquals(10, r.firm("A").allocated(), "A's order of day 3 came after B's of day 2");
        assertEquals(10, r.firm("B").allocated());
        TraceReplay.check(s, r);
    }
}
