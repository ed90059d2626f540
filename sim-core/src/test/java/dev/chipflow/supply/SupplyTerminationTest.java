package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.engine.Simulator;
import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every run terminates: a replication whose clock stops moving ends with an error naming the day, the date and the
 * stage that kept scheduling, never a hang. The engine's own guard is tested in SimulatorStallTest; here the supply
 * model maps it to a stage.
 */
class SupplyTerminationTest {

    /**
     * One firm, approved 24,000 finally on 2026-01-01 and converting all of it, orders three times 8,000 on 2026-03-02
     * (day 60); no domestic output (so no daily output event), production never, nothing else scheduled at day 60
     * (US shipments fall on days 21, 28, ..., 56, 63; the daily sample just before midnight). The events of day 60
     * run in the order they were scheduled: the three orders (scheduled when the model was built), then what they
     * schedule. With a stall limit of 2 events in a row at one instant, the third order event (OrderBook, the
     * china-approval stage) passes the limit.
     */
    @Test
    void aClockThatStopsMovingEndsTheRunNamingTheStageAndTheDate() {
        LocalDate day60 = LocalDate.of(2026, 3, 2);
        Firm firm = new Firm("A", List.of(new Order(day60, 8_000), new Order(day60, 8_000), new Order(day60, 8_000)),
                List.of(new Approval(LocalDate.of(2026, 1, 1), 24_000, false)), 0);
        Scenario s = Scenario.builder().firms(List.of(firm)).conversionShare(1).domesticRatio(0).domesticOutputPerYear(0)
                .productionStart(null).build();
        StalledRunException e = assertThrows(StalledRunException.class,
                () -> SupplyModel.run(s, RandomStreams.of(1), false, 2));
        assertEquals(60.0, e.day());
        assertEquals(Stage.APPROVAL, e.stage());
        assertTrue(e.getMessage().contains("day 60.0 (2026-03-02)") && e.getMessage().contains("china-approval")
                && e.getMessage().contains("OrderBook"), e.getMessage());
        // With the default limit the same scenario runs to the end and delivers all 24,000 units.
        assertEquals(24_000, SupplyModel.run(s, RandomStreams.of(1), false, Simulator.DEFAULT_STALL_LIMIT)
                .deliveredTotal());
    }

    @Test
    void everyStageClassMapsToItsStage() {
        assertEquals(Stage.CAP, StalledRunException.stageOf("CapLedger"));
        assertEquals(Stage.LAB_TEST, StalledRunException.stageOf("TestLab"));
        assertEquals(Stage.CUSTOMS, StalledRunException.stageOf("Border"));
        assertEquals(Stage.ALLOCATION, StalledRunException.stageOf("NvidiaSupply"));
        assertEquals(Stage.DOMESTIC_QUOTA, StalledRunException.stageOf("DomesticMarket"));
        assertEquals(Stage.LICENCE, StalledRunException.stageOf("LicenceOffice"));
        assertEquals(Stage.CONVERSION, StalledRunException.stageOf("Conversion"));
        assertEquals(Stage.CONDITIONS, StalledRunException.stageOf("ChinaApproval"));
        assertEquals(Stage.APPROVAL, StalledRunException.stageOf("OrderBook"));
        assertEquals(null, StalledRunException.stageOf("SupplyModel"));
    }
}
