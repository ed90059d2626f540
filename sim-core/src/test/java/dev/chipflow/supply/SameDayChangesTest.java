package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression: several rules changing on one day act together from its start. What one change lets go (the quota
 * freeing purchase orders, a raised per-firm cap freeing licensed units) meets the other rules of that day downstream,
 * not the rules of the day before. {@code PolicyTimeline} used to apply the changes upstream first, each stage
 * releasing at once under the downstream stages' old rules; {@link SupplyInvariantsPropertyTest} found it (a licence
 * review drawn from the old distribution, a release under the old cap ratio, units passing the old per-firm cap).
 */
class SameDayChangesTest {

    private static final LocalDate DAY0 = Calendar.EPOCH;
    private static final LocalDate D = DAY0.plusDays(20);

    /**
     * One firm ordering 100,000 units on day 1, all approved, no delay; the domestic quota holds every purchase order
     * (ratio 1, no domestic chips) until the change on day 20.
     */
    private static Scenario.Builder heldAtTheQuota() {
        Firm a = new Firm("A", List.of(new Order(DAY0.plusDays(1), 100_000)),
                List.of(new Approval(DAY0, 100_000, false)), 0);
        return Scenario.builder().noDelays().firms(List.of(a)).horizonEnd(DAY0.plusDays(90)).chinaClearance(DAY0)
                .licencePolicyStart(DAY0).conversionShare(1).domesticRatio(1).domesticOutputPerYear(0)
                .domesticInitialStock(0).inventoryUnits(1_000_000).productionHalts(List.of())
                .licencePerFirmCap(Long.MAX_VALUE).licenceTotalCeiling(Long.MAX_VALUE)
                .capRatio(Double.POSITIVE_INFINITY).labRequired(false).customsBlocks(List.of()).shipmentUnits(10_000)
                .change(D, "domestic.ratio", "0");
    }

    private static SupplyResult runAndReplay(Scenario s) {
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(7), true);
        TraceReplay.check(s, r);
        TraceReplay.checkBooks(s, r);
        return r;
    }

    @Test
    void purchaseOrdersTheQuotaLetsGoMeetThePerFirmCapOfThatDay() {
        SupplyResult r = runAndReplay(heldAtTheQuota().change(D, "licence.perFirmCap", "20000").build());
        assertEquals(20_000, r.firms().get(0).licensed(), "licensed under the per-firm cap of day 20");
    }

    @Test
    void licencesFiledAsTheQuotaLetsGoDrawTheReviewOfThatDay() {
        SupplyResult r = runAndReplay(heldAtTheQuota().change(D, "licence.reviewDays", "fixed(30)").build());
        TraceEvent grant = r.trace().stream().filter(e -> e.kind() == TraceEvent.Kind.LICENCE_GRANTED).findFirst()
                .orElseThrow();
        assertEquals(Calendar.day(D) + 30, grant.time(), "filed on day 20, reviewed for 30 days");
    }

    @Test
    void unitsARaisedPerFirmCapLetsGoMeetTheCapRatioOfThatDay() {
        // The per-firm cap holds all but 10,000 units until day 20, when it is lifted and the cap ratio falls from 1
        // to 0.1: with 200,000 US units by then (days 7 and 14), 20,000 may have gone to China by the end of day 20.
        Scenario s = heldAtTheQuota().domesticRatio(0).timeline(Timeline.NONE).licencePerFirmCap(10_000)
                .capRatio(1).usUnitsPerWeek(100_000)
                .change(D, "licence.perFirmCap", "unlimited").change(D, "cap.ratio", "0.1").build();
        SupplyResult r = runAndReplay(s);
        int d = (int) Calendar.day(D);
        assertEquals(200_000, r.series().usShipped()[d]);
        assertTrue(r.series().chinaShipped()[d - 1] == 10_000 && r.series().chinaShipped()[d] == 20_000,
                "10,000 released by day 19, 20,000 by day 20: " + r.series().chinaShipped()[d]);
    }

    @Test
    void theFixtureHoldsEverythingAtTheQuotaUntilTheChange() {
        SupplyResult r = runAndReplay(heldAtTheQuota().build());
        assertTrue(r.trace().stream().filter(e -> e.kind() == TraceEvent.Kind.MOVED
                && e.from() == Stage.DOMESTIC_QUOTA).allMatch(e -> e.time() == Calendar.day(D)));
        assertEquals(100_000, r.firms().get(0).licensed());
    }
}
