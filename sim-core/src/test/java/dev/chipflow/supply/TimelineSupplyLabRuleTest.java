package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.day;
import static dev.chipflow.supply.Hand.fixed;
import static dev.chipflow.supply.Hand.kind;
import static dev.chipflow.supply.Hand.moves;
import static dev.chipflow.supply.Hand.timesAndUnits;
import static dev.chipflow.supply.RuleFixtures.d;
import static dev.chipflow.supply.RuleFixtures.days;
import static dev.chipflow.supply.RuleFixtures.frictionless;
import static dev.chipflow.supply.RuleFixtures.movedByDay;
import static dev.chipflow.supply.RuleFixtures.produced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.Bernoulli;
import dev.chipflow.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nvidia's supply, the lab and the border under a policy timeline (MidRun's text for each knob); a change dated D acts
 * from the start of day D, before every other event of that day.
 *
 * <ul>
 * <li>{@code supply.productionPerWeek}: after D, each producing day adds the new rate / 7 to the exact output made
 * before D, in whole units: floor(exact before D + producing days since D x new rate / 7); from 0, output starts on D
 * if production has started (else on its start date).</li>
 * <li>{@code supply.allocation}: allocations from D follow the new policy.</li>
 * <li>{@code lab.lines}: more lines start tests at D; fewer let running tests finish and start none until fewer lines
 * than the new number are busy. {@code lab.lotUnits}, {@code lab.baseDays}, {@code lab.daysPerUnit}: tests started
 * from D. {@code lab.failureShare}: tests ending from D.</li>
 * <li>{@code transit.days}: shipments leaving the lab from D; {@code customs.clearanceDays}: shipments reaching customs
 * from D.</li>
 * </ul>
 * Supply scenarios use {@link RuleFixtures#frictionless()}, lab and border scenarios {@link Hand#base()} (a shipment
 * ordered on day t is in the lab queue on day t). Seed 1, full trace.
 */
class TimelineSupplyLabRuleTest {

    // ------------------------------------------------------------------------------------ supply.productionPerWeek

    /**
     * 1,000 a week from 2026-01-01 (day 0), 2,000 a week from 2026-01-04 (day 3); horizon 2026-01-07 (day 6).
     * Exact output before D: 3 x 1,000 / 7 = 428.571...; after k producing days from D: 428.571 + k x 2,000 / 7.
     * <pre>
     * day:    0    1    2    3        4       5         6
     * total:  142  285  428  714.28   1,000   1,285.71  1,571.43  (floors 714, 1,000, 1,285, 1,571)
     * added:  142  143  143  286      286     285       286
     * </pre>
     * Flooring each rate's part separately would give 428 + 285 = 713 on day 3; the old rate all along, 571 on day 3.
     */
    @Test
    void aNewRateAddsToTheExactOutputMadeBeforeD() {
        Scenario s = frictionless().firms(List.of()).productionStart(d("2026-01-01")).productionUnitsPerWeek(1_000)
                .horizonEnd(d("2026-01-07")).change(day(3), "supply.productionPerWeek", "2000").build();
        SupplyResult r = Hand.run(s);
        assertEquals(days(0, 142, 1, 143, 2, 143, 3, 286, 4, 286, 5, 285, 6, 286), produced(r));
        assertEquals(1_571, r.system().produced());
        assertEquals(1_000, r.series().inventory()[4]);
    }

    /**
     * Rate 0, 700 a week (100 a day) from 2026-01-06 (day 5); horizon 2026-01-10 (day 9).
     * <pre>
     * production started 2026-01-03 (day 2, before D): output on days 5..9         -> 500
     * production starts   2026-01-09 (day 8, after D):  output on days 8, 9          -> 200
     * no production start ('never'):                    nothing
     * </pre>
     */
    @ParameterizedTest(name = "start {0}: output from day {1}")
    @CsvSource({"2026-01-03, 5", "2026-01-09, 8", "never, -1"})
    void fromZeroOutputStartsOnDIfProductionHasStarted(String start, int first) {
        Scenario s = frictionless().firms(List.of()).productionStart(start.equals("never") ? null : d(start))
                .productionUnitsPerWeek(0).horizonEnd(d("2026-01-10"))
                .change(day(5), "supply.productionPerWeek", "700").build();
        SupplyResult r = Hand.run(s);
        assertEquals(first < 0 ? days() : RuleFixtures.each(days(), first, 9, 100), produced(r));
    }

    /**
     * 700 a week from day 0, 0 from 2026-01-04 (day 3), 1,400 from 2026-01-06 (day 5); horizon day 6. Days 0..2 add
     * 100 each (exact 300); days 3 and 4 are producing days at rate 0 (still 300); days 5 and 6 add 200 each. 700 in
     * all.
     */
    @Test
    void aRateOfZeroPausesOutputAndALaterRateResumesIt() {
        Scenario s = frictionless().firms(List.of()).productionStart(d("2026-01-01")).productionUnitsPerWeek(700)
                .horizonEnd(d("2026-01-07")).change(day(3), "supply.productionPerWeek", "0")
                .change(day(5), "supply.productionPerWeek", "1400").build();
        SupplyResult r = Hand.run(s);
        assertEquals(days(0, 100, 1, 100, 2, 100, 5, 200, 6, 200), produced(r));
        assertEquals(700, r.system().produced());
    }

    // ----------------------------------------------------------------------------------------- supply.allocation

    /**
     * FCFS, PRIORITY from 2026-01-07 (day 6). Second (rank 1, listed first) and First (rank 0) each order 3,000 on
     * 2026-01-02 (day 1), shipments of 1,000; Second's purchase order arrives first. No inventory; 1,000 a day from
     * 2026-01-05 (day 4).
     * <pre>
     * day 4, 5 (FCFS):          Second (arrived first)     -> Second 1,000 each
     * day 6, 7, 8 (PRIORITY):   First (rank 0)             -> First 1,000 each
     * day 9:                    only Second left           -> Second 1,000
     * </pre>
     * FCFS throughout: Second on 4, 5, 6 and First on 7, 8, 9.
     */
    @Test
    void allocationsFromDFollowTheNewPolicy() {
        Scenario.Builder b = frictionless().productionStart(d("2026-01-05")).productionUnitsPerWeek(7_000)
                .allocation(AllocationPolicy.FCFS).firms(List.of(RuleFixtures.firm("Second", 1, "2026-01-02", 3_000),
                        RuleFixtures.firm("First", 0, "2026-01-02", 3_000)));
        SupplyResult fcfs = Hand.run(b.build());
        assertEquals(days(4, 1_000, 5, 1_000, 6, 1_000), movedByDay(fcfs, 0, Stage.ALLOCATION, Stage.LICENCE));

        SupplyResult r = Hand.run(b.change(day(6), "supply.allocation", "PRIORITY").build());
        assertEquals(days(4, 1_000, 5, 1_000, 9, 1_000), movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE), "Second");
        assertEquals(days(6, 1_000, 7, 1_000, 8, 1_000), movedByDay(r, 1, Stage.ALLOCATION, Stage.LICENCE), "First");
    }

    // --------------------------------------------------------------------------------------------------- the lab

    /** Lots of 20 units, shipments of 20, tests of 10 days (no per-unit part), zero transit and customs. */
    private static Scenario.Builder lab(int lines) {
        return base().shipmentUnits(20).labLotUnits(20).labLines(lines).labBaseDays(fixed(10))
                .labDaysPerUnit(fixed(0));
    }

    private static List<String> lotsStarted(SupplyResult r) {
        return timesAndUnits(kind(r, TraceEvent.Kind.LOT_STARTED));
    }

    /**
     * One line, 3 from 2026-01-06 (day 5). A orders 80 on day 0: four shipments of 20 wait for the lab.
     * <pre>
     * day 0:  lot 1 starts (ends 10)
     * day 5:  two more lines: lots 2 and 3 start (end 15)
     * day 10: lot 1 ends, 2 lines busy of 3: lot 4 starts (ends 20)
     * </pre>
     * With one line throughout the lots start on days 0, 10, 20, 30.
     */
    @Test
    void moreLinesStartTestsAtD() {
        Scenario.Builder b = lab(1).firms(List.of(Hand.firm("A", 0, 0, 80)));
        assertEquals(List.of("0.0:20", "10.0:20", "20.0:20", "30.0:20"), lotsStarted(Hand.run(b.build())));

        SupplyResult r = Hand.run(b.change(day(5), "lab.lines", "3").build());
        assertEquals(List.of("0.0:20", "5.0:20", "5.0:20", "10.0:20"), lotsStarted(r));
        assertEquals(List.of("10.0:20", "15.0:20", "15.0:20", "20.0:20"),
                timesAndUnits(moves(r, Stage.LAB_TEST, Stage.TRANSIT)));
    }

    /**
     * Three lines, 1 from 2026-01-06 (day 5). A orders 20 on each of days 0, 2, 4, 6 and 7.
     * <pre>
     * days 0, 2, 4: lots start on the three lines (end 10, 12, 14)
     * day 5:  one line: the three running tests go on
     * days 6, 7: 3 busy >= 1: the new shipments wait
     * day 10: 2 busy; day 12: 1 busy: still no start (not fewer than 1)
     * day 14: 0 busy: the day-6 shipment starts (ends 24); day 24: the day-7 one
     * </pre>
     * With three lines throughout they start on days 10 and 12. Lines busy at the end of day 5: 3 (above the new
     * number, nothing is stopped); of day 10: 2; of day 12: 1; of day 14: 1.
     */
    @Test
    void fewerLinesLetRunningTestsFinishAndStartNoneUntilFewerAreBusy() {
        Scenario.Builder b = lab(3).firms(List.of(Hand.firm("A", 0, 0, 20, 2, 20, 4, 20, 6, 20, 7, 20)));
        assertEquals(List.of("0.0:20", "2.0:20", "4.0:20", "10.0:20", "12.0:20"), lotsStarted(Hand.run(b.build())));

        SupplyResult r = Hand.run(b.change(day(5), "lab.lines", "1").build());
        assertEquals(List.of("0.0:20", "2.0:20", "4.0:20", "14.0:20", "24.0:20"), lotsStarted(r));
        double[] busy = r.series().labBusy();
        assertEquals(3, busy[5]);
        assertEquals(2, busy[10]);
        assertEquals(1, busy[12]);
        assertEquals(1, busy[14]);
        assertEquals(0, busy[34]);
    }

    /**
     * One line, lots of 20, 40 from 2026-01-06 (day 5). A orders 60 on day 0 (three shipments of 20). The lot started
     * on day 0 keeps its 20 units; the lot formed on day 10 takes the two other shipments, 40 units (ends 20). With
     * lots of 20 throughout: three lots, on days 0, 10, 20.
     */
    @Test
    void aNewLotSizeAppliesToLotsFormedFromD() {
        Scenario.Builder b = lab(1).firms(List.of(Hand.firm("A", 0, 0, 60)));
        assertEquals(List.of("0.0:20", "10.0:20", "20.0:20"), lotsStarted(Hand.run(b.build())));

        SupplyResult r = Hand.run(b.change(day(5), "lab.lotUnits", "40").build());
        assertEquals(List.of("0.0:20", "10.0:40"), lotsStarted(r));
        assertEquals(List.of("10.0:20", "20.0:20", "20.0:20"), timesAndUnits(moves(r, Stage.LAB_TEST, Stage.TRANSIT)));
    }

    /**
     * One line, lots of 20; A orders 60 on day 0. From 2026-01-06 (day 5) a test takes 4 days: lab.baseDays 10 -> 4,
     * or (base 0) lab.daysPerUnit 0.5 -> 0.2 (20 units: 10 -> 4 days). The test started on day 0 ends as drawn, on day
     * 10; the next ones start on days 10 and 14 and end on 14 and 18.
     */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({"lab.baseDays, 10, 4, 0", "lab.daysPerUnit, 0, 0.2, 0.5"})
    void aNewTestDurationAppliesToTestsStartedFromD(String knob, double baseDays, String to, double perUnit) {
        Scenario s = lab(1).labBaseDays(fixed(baseDays)).labDaysPerUnit(fixed(perUnit))
                .firms(List.of(Hand.firm("A", 0, 0, 60))).change(day(5), knob, to).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("0.0:20", "10.0:20", "14.0:20"), lotsStarted(r));
        assertEquals(List.of("10.0:20", "14.0:20", "18.0:20"), timesAndUnits(moves(r, Stage.LAB_TEST, Stage.TRANSIT)));
    }

    /**
     * One line, one lot of 20 (A orders 20 on day 0), failure share 0.95, 0 from 2026-01-26 (day 25). The tests ending
     * on days 10 and 20 fail or pass by the lab's failure stream at 0.95 (a failed lot is tested again at once); the
     * one ending on day 30, if it comes to that, passes. Replaying the stream (seed 1) gives the day the 20
     * units leave.
     */
    @Test
    void aNewFailureShareAppliesToTestsEndingFromD() {
        long seed = 1;
        Scenario s = lab(1).labFailureShare(0.95).firms(List.of(Hand.firm("A", 0, 0, 20)))
                .change(day(25), "lab.failureShare", "0").build();
        SupplyResult r = Hand.run(s, seed);
        Bernoulli fails = new Bernoulli(0.95, RandomStreams.of(seed).stream(SupplyModel.STREAM_LAB_FAILURE));
        List<String> ends = new ArrayList<>();
        int passed = 30;
        for (int end = 10; end <= 20; end += 10) {
            boolean failed = fails.trial();
            ends.add(end + ".0:" + (failed ? 1 : 0));
            if (!failed) {
                passed = end;
                break;
            }
        }
        if (passed == 30) {
            ends.add("30.0:0");
        }
        assertEquals(ends, Hand.select(r, e -> e.kind() == TraceEvent.Kind.LOT_ENDED).stream()
                .map(e -> e.time() + ":" + e.other()).toList());
        assertEquals(List.of(passed + ".0:20"), timesAndUnits(moves(r, Stage.LAB_TEST, Stage.TRANSIT)));
        assertTrue(ends.size() > 1, "seed 1 should fail at least one test at 0.95 for the case to mean anything");
    }

    // ------------------------------------------------------------------------------------------------ the border

    /**
     * One line, lots of 20, tests of 5 days; transit 3, customs 2; A orders 60 on day 0: lots leave the lab on days 5,
     * 10 and 15. transit.days = 7 and customs.clearanceDays = 5 from D.
     * <pre>
     * D = day 12 (2026-01-13):
     *   lot 1: leaves 5,  transit 3 -> customs 8,  clearance 2 (reached before D) -> delivered 10
     *   lot 2: leaves 10, transit 3 -> customs 13, clearance 5 (reached from D)   -> delivered 18
     *   lot 3: leaves 15, transit 7 -> customs 22, clearance 5                    -> delivered 27
     * D = day 10 (2026-01-11), the very day lot 2 leaves the lab: the change acts first
     *   lot 1: customs 8, delivered 10; lot 2: transit 7 -> customs 17 -> 22; lot 3: customs 22 -> 27
     * </pre>
     */
    @ParameterizedTest(name = "from day {0}")
    @CsvSource({"12, 13, 18", "10, 17, 22"})
    void newTransitAndClearanceTimesApplyToShipmentsLeavingTheLabOrReachingCustomsFromD(int d, double atCustoms,
            double delivered) {
        Scenario s = lab(1).labBaseDays(fixed(5)).transitDays(fixed(3)).customsClearanceDays(fixed(2))
                .firms(List.of(Hand.firm("A", 0, 0, 60))).change(day(d), "transit.days", "7")
                .change(day(d), "customs.clearanceDays", "5").build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("5.0:20", "10.0:20", "15.0:20"), timesAndUnits(moves(r, Stage.LAB_TEST, Stage.TRANSIT)));
        assertEquals(List.of("8.0:20", atCustoms + ":20", "22.0:20"),
                timesAndUnits(moves(r, Stage.TRANSIT, Stage.CUSTOMS)));
        assertEquals(List.of("10.0:20", delivered + ":20", "27.0:20"),
                timesAndUnits(moves(r, Stage.CUSTOMS, Stage.DELIVERED)));
    }
}
