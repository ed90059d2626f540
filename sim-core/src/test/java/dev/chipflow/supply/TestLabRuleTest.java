package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.firm;
import static dev.chipflow.supply.Hand.fixed;
import static dev.chipflow.supply.Hand.kind;
import static dev.chipflow.supply.Hand.moves;
import static dev.chipflow.supply.Hand.timesAndUnits;
import static dev.chipflow.supply.Hand.timesFirmsAndUnits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lab of {@link TestLab}: lab.lines lots at once; each lot takes up to lab.lotUnits units from the waiting
 * shipments first come first served (a shipment at the edge is split, exact to the unit; a lot may mix firms); a lot
 * is tested for lab.baseDays + lab.daysPerUnit x its units; with lab.required off there is no lab at all.
 *
 * <p>Every other stage is out of the way ({@link Hand#base()}, no cap), so all shipments reach the lab queue at day 0
 * in the order they were ordered: firm A's first, then firm B's (firms in scenario order, each firm's orders in
 * order). Durations use binary-exact numbers (2 + 0.25 x units) so that times compare exactly.
 */
class TestLabRuleTest {

    /**
     * Firm A (index 0) orders 50 units, firm B (index 1) 30, on day 0, in shipments of 20: the lab line is
     * A20, A20, A10, B20, B10. Lots of 30 units, duration 2 + 0.25 x units (30 units: 9.5 days; 20 units: 7 days).
     */
    private static Scenario.Builder twoFirms() {
        return base().shipmentUnits(20).labLotUnits(30).labBaseDays(fixed(2)).labDaysPerUnit(fixed(0.25))
                .firms(List.of(firm("A", 0, 0, 50), firm("B", 0, 0, 30)));
    }

    /**
     * Two lines.
     * <pre>
     * day 0:   lot 1 = A20 + 10 split off the second A20                      = 30, ends 0 + 9.5 = 9.5
     *          lot 2 = the other A10 + A10 + 10 split off B20 (mixes firms)   = 30, ends 9.5
     *          both lines busy; B10 (the rest of B20) and B10 wait
     * day 9.5: both lots pass; the lab forms lot 3 = B10 + B10 = 20, ends 9.5 + 7 = 16.5
     * </pre>
     * Exported (and, with no transit or customs time, delivered): A 50 at 9.5; B 10 at 9.5 and 20 at 16.5.
     */
    @Test
    void lotsOfLotUnitsFormFirstComeFirstServedOnEveryFreeLine() {
        Scenario s = twoFirms().labLines(2).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("0.0:30", "0.0:30", "9.5:20"), timesAndUnits(kind(r, TraceEvent.Kind.LOT_STARTED)));
        assertEquals(List.of("9.5:0", "9.5:0", "16.5:0"), timesAndUnits(kind(r, TraceEvent.Kind.LOT_ENDED)));
        // Leaving the lab, lot by lot, each lot's shipments in lot order: time:firm:units.
        assertEquals(List.of("9.5:0:20", "9.5:0:10", "9.5:0:10", "9.5:0:10", "9.5:1:10", "16.5:1:10", "16.5:1:10"),
                timesFirmsAndUnits(moves(r, Stage.LAB_TEST, Stage.TRANSIT)));
        // Split at the lot edges: 10 off the second A20 (lot 1), 10 off B20 (lot 2).
        assertEquals(List.of("0.0:10", "0.0:10"), timesAndUnits(kind(r, TraceEvent.Kind.SPLIT)));
        assertEquals(3, r.system().labTests());
        assertEquals(50, r.firm("A").exported());
        assertEquals(30, r.firm("B").exported());
        double[][] delivered = r.series().deliveredByFirm();
        assertEquals(0, delivered[0][8]);
        assertEquals(50, delivered[0][9]);
        assertEquals(10, delivered[1][9]);
        assertEquals(10, delivered[1][15]);
        assertEquals(30, delivered[1][16]);
        TraceReplay.check(s, r);
    }

    /**
     * One line: the same lots, one after another.
     * <pre>
     * lot 1 (30) [0, 9.5); lot 2 (30) [9.5, 19); lot 3 (20) [19, 26)
     * </pre>
     * The lab's waiting time per lot start (Tally over shipments taken into a lot): lot 1's two pieces waited 0,
     * lot 2's three pieces 9.5, lot 3's two pieces 19: mean (0 x 2 + 9.5 x 3 + 19 x 2) / 7 = 66.5 / 7 = 9.5.
     */
    @Test
    void oneLineTestsOneLotAtATime() {
        Scenario s = twoFirms().labLines(1).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("0.0:30", "9.5:30", "19.0:20"), timesAndUnits(kind(r, TraceEvent.Kind.LOT_STARTED)));
        assertEquals(List.of("9.5:0:20", "9.5:0:10", "19.0:0:10", "19.0:0:10", "19.0:1:10", "26.0:1:10",
                "26.0:1:10"), timesFirmsAndUnits(moves(r, Stage.LAB_TEST, Stage.TRANSIT)));
        assertEquals(9.5, r.system().labMeanWaitDays(), 1e-12);
        TraceReplay.check(s, r);
    }

    /**
     * lab.required = false: licensed shipments leave the cap straight for transit, whatever the lab knobs say (a
     * 5-day, one-line lab here). Transit 1 day: all 80 units reach customs at day 1 and, with no clearance time, are
     * delivered then; no lot is ever tested.
     */
    @Test
    void withoutTheRequirementTheLabIsSkipped() {
        Scenario s = twoFirms().labLines(1).labBaseDays(fixed(5)).labRequired(false).transitDays(fixed(1)).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of(), kind(r, TraceEvent.Kind.LOT_STARTED));
        assertEquals(List.of(), moves(r, Stage.CAP, Stage.LAB_QUEUE));
        assertEquals(List.of("0.0:0:20", "0.0:0:20", "0.0:0:10", "0.0:1:20", "0.0:1:10"),
                timesFirmsAndUnits(moves(r, Stage.CAP, Stage.TRANSIT)));
        assertEquals(List.of("1.0:0:20", "1.0:0:20", "1.0:0:10", "1.0:1:20", "1.0:1:10"),
                timesFirmsAndUnits(moves(r, Stage.CUSTOMS, Stage.DELIVERED)));
        assertEquals(0, r.system().labTests());
        assertEquals(80, r.deliveredTotal());
        TraceReplay.check(s, r);
    }

    /**
     * The lab's statistics (SystemResult.labMeanQueue, labMeanBusyLines, labUtilisation, labMeanWaitDays; DailySeries
     * labQueue, labBusy). Two lines, lots of 20, shipments of 20, duration 2 + 0.25 x 20 = 7 days; firm A orders 40
     * on day 0 (shipments S1, S2) and 20 on day 1 (S3). Horizon 90 days.
     * <pre>
     * day 0: S1 and S2 start on the two lines, both end at 7; queue 0, busy 2
     * day 1: S3 arrives, both lines busy: it waits; queue 1
     * day 7: both lots pass; S3 starts, ends at 14; queue 0, busy 1
     * day 14: S3 passes; busy 0
     * </pre>
     * Queue: 1 over [1, 7) = 6 shipment-days, mean 6 / 90. Busy lines: 2 x 7 + 1 x 7 = 21 line-days, mean 21 / 90;
     * utilisation 21 / 90 / 2 lines = 21 / 180. Waits: S1 0, S2 0, S3 6: mean 2. End-of-day samples (day d sampled
     * just before d + 1): queue 0 on day 0, 1 on days 1..6, 0 from day 7; busy 2 on days 0..6, 1 on days 7..13, 0 from
     * day 14.
     */
    @Test
    void queueAndBusyLinesAreTimeAveragedAndSampledDaily() {
        Scenario s = base().shipmentUnits(20).labLotUnits(20).labLines(2).labBaseDays(fixed(2))
                .labDaysPerUnit(fixed(0.25)).firms(List.of(firm("A", 0, 0, 40, 1, 20))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("0.0:20", "0.0:20", "7.0:20"), timesAndUnits(kind(r, TraceEvent.Kind.LOT_STARTED)));
        assertEquals(6.0 / 90, r.system().labMeanQueue(), 1e-12);
        assertEquals(21.0 / 90, r.system().labMeanBusyLines(), 1e-12);
        assertEquals(21.0 / 180, r.system().labUtilisation(), 1e-12);
        assertEquals(2, r.system().labMeanWaitDays(), 1e-12);
        double[] queue = r.series().labQueue();
        double[] busy = r.series().labBusy();
        assertEquals(0, queue[0]);
        assertEquals(1, queue[1]);
        assertEquals(1, queue[6]);
        assertEquals(0, queue[7]);
        assertEquals(2, busy[0]);
        assertEquals(2, busy[6]);
        assertEquals(1, busy[7]);
        assertEquals(1, busy[13]);
        assertEquals(0, busy[14]);
        TraceReplay.check(s, r);
    }

    /**
     * Unlimited lines ({@link Hand#base()}): there is no utilisation to report (NaN), though lines are busy. One lot of
     * 10 units, duration 2 + 0.25 x 10 = 4.5 days: mean busy lines 4.5 / 90 = 0.05.
     */
    @Test
    void unlimitedLinesHaveNoUtilisation() {
        Scenario s = base().labBaseDays(fixed(2)).labDaysPerUnit(fixed(0.25))
                .firms(List.of(firm("A", 0, 0, 10))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(0.05, r.system().labMeanBusyLines(), 1e-12);
        assertEquals(Double.NaN, r.system().labUtilisation());
    }
}
