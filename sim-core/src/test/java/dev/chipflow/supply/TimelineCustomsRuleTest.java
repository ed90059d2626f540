package dev.chipflow.supply;

import static dev.chipflow.supply.ChinaSide.d;
import static dev.chipflow.supply.ChinaSide.finalApproval;
import static dev.chipflow.supply.ChinaSide.firm;
import static dev.chipflow.supply.ChinaSide.moves;
import static dev.chipflow.supply.ChinaSide.order;
import static dev.chipflow.supply.ChinaSide.quiet;
import static dev.chipflow.supply.ChinaSide.unitsByDay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.random.Fixed;
import dev.chipflow.random.RandomStreams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code customs.blocks} from a date: the block windows are the new list from D; every shipment at customs is cleared
 * as if they had held since it arrived, with the clearance time it drew, but not before D.
 *
 * <p>Every stage before customs is instantaneous (quiet), so a firm's units reach customs on their order day;
 * clearance takes 2 days. The base block covers 2026-01-05..2026-03-31, days [4, 90). Firm A orders 1,000 on
 * 2026-01-10 (day 9), firm B 1,000 on 2026-02-10 (day 40); both approved, final, on 2026-01-01.
 */
class TimelineCustomsRuleTest {

    private static Scenario.Builder base() {
        return quiet().customsClearanceDays(new Fixed(2))
                .customsBlocks(List.of(new DateWindow(d("2026-01-05"), d("2026-03-31"))))
                .firms(List.of(
                        firm("A", List.of(order("2026-01-10", 1_000)), List.of(finalApproval("2026-01-01", 1_000))),
                        firm("B", List.of(order("2026-02-10", 1_000)), List.of(finalApproval("2026-01-01", 1_000)))));
    }

    private static Map<Double, Long> delivered(Scenario s, String f) {
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(7), true);
        return unitsByDay(moves(s, r, f, Stage.CUSTOMS, Stage.DELIVERED));
    }

    /**
     * No change: A arrives on day 9 inside the block; clearance starts at its end, day 90, and ends on day 92. B
     * arrives on day 40, also inside: day 92 too.
     */
    @Test
    void withoutAChangeTheBlockHoldsBothToItsEnd() {
        Scenario s = base().build();
        assertEquals(Map.of(92.0, 1_000L), delivered(s, "A"));
        assertEquals(Map.of(92.0, 1_000L), delivered(s, "B"));
    }

    /**
     * The block lifted from 2026-02-01 (day 31): A, at customs since day 9, clears as if there had been no block,
     * day 9 + 2 = 11, but not before day 31: day 31. B arrives on day 40 with no block: day 42.
     */
    @Test
    void liftingTheBlockReleasesWhatItHeldOnTheDayOfTheChange() {
        Scenario s = base().change(d("2026-02-01"), "customs.blocks", "none").build();
        assertEquals(Map.of(31.0, 1_000L), delivered(s, "A"));
        assertEquals(Map.of(42.0, 1_000L), delivered(s, "B"));
    }

    /**
     * The block shortened from 2026-02-01 to end on 2026-02-14 (days [4, 45)): A clears from the new end, day 45, to
     * day 47 (after D, so D does not bind); B arrives on day 40 inside the new block: also day 47.
     */
    @Test
    void aShorterBlockEndsEarlier() {
        Scenario s = base().change(d("2026-02-01"), "customs.blocks", "2026-01-05..2026-02-14").build();
        assertEquals(Map.of(47.0, 1_000L), delivered(s, "A"));
        assertEquals(Map.of(47.0, 1_000L), delivered(s, "B"));
    }

    /**
     * A block added from 2026-02-01 covering 2026-02-01..2026-02-28 (days [31, 59)), on a base with none: A, which
     * arrived on day 9, cleared on day 11 before D and is not touched. B arrives on day 40 inside the new block:
     * clearance from day 59 to day 61.
     */
    @Test
    void aNewBlockHoldsWhatArrivesInsideIt() {
        Scenario s = base().customsBlocks(List.of())
                .change(d("2026-02-01"), "customs.blocks", "2026-02-01..2026-02-28").build();
        assertEquals(Map.of(11.0, 1_000L), delivered(s, "A"));
        assertEquals(Map.of(61.0, 1_000L), delivered(s, "B"));
    }
}
