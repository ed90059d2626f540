package dev.chipflow.supply;

import static dev.chipflow.supply.ChinaSide.d;
import static dev.chipflow.supply.ChinaSide.finalApproval;
import static dev.chipflow.supply.ChinaSide.firm;
import static dev.chipflow.supply.ChinaSide.order;
import static dev.chipflow.supply.ChinaSide.quiet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.random.Fixed;
import dev.chipflow.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lab utilisation is busy lines over lines, both averaged over the run, so that a change of {@code lab.lines} mid-run
 * weighs each number of lines by how long it held.
 */
class LabUtilisationTest {

    /**
     * One lot of 8,000 units reaches the lab on day 0 (every stage before it is instantaneous) and is tested for 10
     * days on one line: busy-line-days = 10. The run covers days [0, 20) (horizon 2026-01-20). Lines: 2 on days
     * [0, 5), 1 from 2026-01-06 (day 5): line-days = 2 x 5 + 1 x 15 = 25. Utilisation = 10 / 25 = 0.4. Without the
     * change, 10 / (2 x 20) = 0.25; dividing by the lines at the end alone would give 10 / 20 / 1 = 0.5.
     */
    @Test
    void linesChangedMidRunAreWeightedByHowLongTheyHeld() {
        Scenario.Builder b = quiet().horizonEnd(d("2026-01-20")).shipmentUnits(8_000).labRequired(true).labLines(2)
                .labBaseDays(new Fixed(10)).labDaysPerUnit(new Fixed(0)).labLotUnits(8_000).labFailureShare(0)
                .firms(List.of(firm("A", List.of(order("2026-01-01", 8_000)),
                        List.of(finalApproval("2026-01-01", 8_000)))));
        double without = SupplyModel.run(b.build(), RandomStreams.of(1)).system().labUtilisation();
        double with = SupplyModel.run(b.change(d("2026-01-06"), "lab.lines", "1").build(), RandomStreams.of(1))
                .system().labUtilisation();
        assertEquals(0.25, without, 1e-12);
        assertEquals(0.4, with, 1e-12);
    }
}
