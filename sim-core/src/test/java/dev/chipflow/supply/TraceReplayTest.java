package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.Fixed;
import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The replay can fail: each test feeds {@link TraceReplay#check} a run whose trace or results were doctored, or a
 * scenario whose rule the trace ignored (as if the model had left that rule out), and asserts that the replay catches
 * it, with the rule named at the start of the message.
 */
class TraceReplayTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * Two firms, the cap binding (and splitting), production with a halt, a customs block, two lab lines with failures,
     * the domestic quota: every rule leaves events in the trace.
     */
    private static Scenario.Builder rich() {
        Firm a = new Firm("A", List.of(new Order(d("2026-01-10"), 200_000)),
                List.of(new Approval(d("2026-01-20"), 200_000, false)), 1);
        Firm b = new Firm("B", List.of(new Order(d("2026-01-12"), 150_000)),
                List.of(new Approval(d("2026-01-20"), 120_000, false), new Approval(d("2026-02-10"), 30_000, true)),
                0);
        return Scenario.builder().firms(List.of(a, b)).horizonEnd(d("2026-12-31"))
                .chinaClearance(d("2026-01-24")).ndrcConditionDays(new Fixed(20)).conversionShare(1)
                .conversionDays(new Fixed(7)).domesticRatio(0.5).domesticOutputPerYear(1_000_000)
                .inventoryUnits(300_000).productionStart(d("2026-04-01")).productionUnitsPerWeek(25_000)
                .productionHalts(List.of(new DateWindow(d("2026-05-01"), d("2026-05-20"))))
                .licenceReviewDays(new Fixed(30)).licenceApprovalProbability(1).licencePerFirmCap(Long.MAX_VALUE)
                .licenceTotalCeiling(Long.MAX_VALUE).capRatio(0.5).capSplit(true).usUnitsPerWeek(15_000)
                .labLines(2).labBaseDays(new Fixed(10)).labLotUnits(20_000).labFailureShare(0.3)
                .transitDays(new Fixed(5)).customsClearanceDays(new Fixed(4))
                .customsBlocks(List.of(new DateWindow(d("2026-07-01"), d("2026-07-20")))).shipmentUnits(10_000);
    }

    private static SupplyResult run(Scenario s) {
        return SupplyModel.run(s, RandomStreams.of(2026), true);
    }

    private static SupplyResult withTrace(SupplyResult r, List<TraceEvent> trace) {
        return new SupplyResult(r.scenario(), r.firms(), r.system(), r.series(), trace);
    }

    /** Asserts that the replay fails, naming {@code rule} first and saying {@code what}. */
    private static void caught(String rule, String what, Executable replay) {
        AssertionError e = assertThrows(AssertionError.class, replay);
        assertTrue(e.getMessage().startsWith(rule + ": "), "expected a '" + rule + "' failure, got: " + e.getMessage());
        assertTrue(e.getMessage().contains(what), "expected '" + what + "' in: " + e.getMessage());
    }

    private static int first(List<TraceEvent> trace, Predicate<TraceEvent> p) {
        for (int i = 0; i < trace.size(); i++) {
            if (p.test(trace.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event in the trace");
    }

    /** Inserts {@code e} after every event at or before its time. */
    private static void insert(List<TraceEvent> trace, TraceEvent e) {
        int i = 0;
        while (i < trace.size() && trace.get(i).time() <= e.time()) {
            i++;
        }
        trace.add(i, e);
    }

    @Test
    void theUndoctoredRunPassesAndExercisesEveryRuleDoctoredBelow() {
        Scenario s = rich().build();
        SupplyResult r = run(s);
        TraceReplay.Replayed seen = TraceReplay.check(s, r);
        TraceReplay.checkBooks(s, r);
        assertTrue(seen.capHeldThenReleased, "the cap binds");
        assertTrue(seen.splitAtCap, "the cap splits");
        assertTrue(seen.maxLotsAtOnce == 2 && seen.labFailures > 0, "both lab lines busy, lots failed");
        assertTrue(seen.haltedProductionDays > 0 && seen.producedEvents > 0, "production halted");
        assertTrue(seen.customsDelayed, "the block delays clearances");
        assertTrue(seen.grants == 2, "both licences granted");
        assertTrue(r.deliveredTotal() > 0);
    }

    @Test
    void aReleaseAboveTheCapIsCaught() {
        // The model run without the cap; the scenario says 0.5: the first releases come before any US shipment.
        Scenario s = rich().build();
        SupplyResult uncapped = run(rich().capRatio(Double.POSITIVE_INFINITY).build());
        caught("cap", "broken", () -> TraceReplay.check(s, uncapped));
    }

    @Test
    void aReleaseAboveTheCapInARollingWindowIsCaught() {
        // Cumulative room saved up for months is spent in one burst: too much for the last 14 days.
        Scenario rolling = rich().capRollingDays(14).build();
        SupplyResult cumulative = run(rich().build());
        caught("cap", "in the last 14 days", () -> TraceReplay.check(rolling, cumulative));
    }

    @Test
    void aShipmentHeldAtTheCapWithRoomIsCaught() {
        // The model held shipments for a ratio of 0.5; at 0.75 the head of the line would have fitted.
        Scenario wider = rich().capRatio(0.75).build();
        SupplyResult r = run(rich().build());
        caught("cap", "waits", () -> TraceReplay.check(wider, r));
    }

    /** The day (whole) of the middle release out of the cap in {@code r}: releases go on before and after it. */
    private static LocalDate middleRelease(SupplyResult r) {
        List<TraceEvent> releases = r.trace().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.MOVED && e.from() == Stage.CAP).toList();
        return Calendar.date(releases.get(releases.size() / 2).time());
    }

    @Test
    void aReleaseAllowedByTheOldRatioButNotByTheLoweredRatioInForceIsCaught() {
        // The model ran at 0.5 all year; from mid-run the scenario's timeline lowers the ratio to 0.1. Every release
        // of the run fitted under 0.5 (the replay passes it against the scenario without the timeline), and the first
        // one from the change's day on does not fit under 0.1.
        SupplyResult r = run(rich().build());
        TraceReplay.check(rich().build(), r);
        LocalDate from = middleRelease(r);
        Scenario lowered = rich().change(from, "cap.ratio", "0.1").build();
        AssertionError e = assertThrows(AssertionError.class, () -> TraceReplay.check(lowered, r));
        assertTrue(e.getMessage().startsWith("cap: broken at day ") && e.getMessage().contains(" > 0.1 x US "),
                e.getMessage());
        double day = Double.parseDouble(e.getMessage().substring("cap: broken at day ".length()).split(":")[0]);
        assertTrue(day >= Calendar.day(from), "caught at day " + day + ", before the change on " + from);
        // The run of the scenario with the timeline passes, and its cap binds.
        SupplyResult withChange = run(lowered);
        assertTrue(TraceReplay.check(lowered, withChange).loweredCapRatioBinds, "the lowered ratio binds");
        TraceReplay.checkBooks(lowered, withChange);
    }

    @Test
    void aShipmentHeldAfterTheRatioInForceIsRaisedIsCaught() {
        // The model held shipments at 0.5 all year; the timeline lifts the cap from mid-run: the head of the line,
        // held then, should have gone at the start of that day.
        SupplyResult r = run(rich().build());
        LocalDate from = middleRelease(r).plusDays(1);
        caught("cap", "waits at the cap at day", () -> TraceReplay.check(
                rich().change(from, "cap.ratio", "unlimited").build(), r));
    }

    /** @return the lots in test at instant {@code t} of {@code trace} (started at or before it, ending after it) */
    private static long lotsInTest(List<TraceEvent> trace, double t) {
        return trace.stream().filter(e -> e.kind() == TraceEvent.Kind.LOT_STARTED && e.time() <= t)
                .filter(s -> trace.stream().noneMatch(e -> e.kind() == TraceEvent.Kind.LOT_ENDED
                        && e.shipment() == s.shipment() && e.time() > s.time() && e.time() <= t))
                .count();
    }

    @Test
    void aLotStartedBeyondTheLinesInForceIsCaughtButTestsRunningOnAreNot() {
        // The day after the first lots start, the timeline leaves the lab one line: the two tests running then go on
        // (the run of that scenario passes); the run at two lines all year starts lots beyond the one line.
        SupplyResult r = run(rich().build());
        double firstStart = r.trace().get(first(r.trace(), e -> e.kind() == TraceEvent.Kind.LOT_STARTED)).time();
        LocalDate from = Calendar.date(firstStart).plusDays(1);
        Scenario oneLine = rich().change(from, "lab.lines", "1").build();
        SupplyResult fewer = run(oneLine);
        assertTrue(lotsInTest(fewer.trace(), Calendar.day(from)) == 2, "two tests run on past the change");
        TraceReplay.check(oneLine, fewer);
        caught("lab", "2 lots in test", () -> TraceReplay.check(oneLine, r));
    }

    @Test
    void purchaseOrdersHeldWhileInventoryIsLeftAreCaught() {
        // The model made purchase orders wait for production; with 100,000 more in inventory none had to.
        SupplyResult r = run(rich().build());
        caught("allocation", "units in inventory", () -> TraceReplay.check(rich().inventoryUnits(400_000).build(), r));
    }

    /** A orders on days 1 and 3 (rank 1), B on day 2 (rank 0); from day 5, 10 units a day and nothing in stock. */
    private static Scenario.Builder contended() {
        LocalDate day0 = Calendar.EPOCH;
        Firm a = new Firm("A", List.of(new Order(day0.plusDays(1), 10), new Order(day0.plusDays(3), 10)),
                List.of(new Approval(day0, 20, false)), 1);
        Firm b = new Firm("B", List.of(new Order(day0.plusDays(2), 10)), List.of(new Approval(day0, 10, false)), 0);
        return Scenario.builder().noDelays().firms(List.of(a, b)).horizonEnd(day0.plusDays(8)).chinaClearance(day0)
                .licencePolicyStart(day0).conversionShare(1).domesticRatio(0).inventoryUnits(0)
                .productionStart(day0.plusDays(5)).productionUnitsPerWeek(70).productionHalts(List.of())
                .capRatio(Double.POSITIVE_INFINITY).labLines(Integer.MAX_VALUE).customsBlocks(List.of())
                .shipmentUnits(10);
    }

    @Test
    void allocationOutOfOrderIsCaught() {
        Scenario fcfs = contended().allocation(AllocationPolicy.FCFS).build();
        Scenario priority = contended().allocation(AllocationPolicy.PRIORITY).build();
        SupplyResult firstCome = run(fcfs);
        SupplyResult byRank = run(priority);
        TraceReplay.check(fcfs, firstCome);
        TraceReplay.check(priority, byRank);
        // B's order (rank 0) served on day 5 ahead of A's, which came first; and the other way round.
        caught("allocation", "under FCFS", () -> TraceReplay.check(fcfs, byRank));
        caught("allocation", "under PRIORITY", () -> TraceReplay.check(priority, firstCome));
    }

    @Test
    void shipmentsWaitingForABusyLabOnALabWithAFreeLineAreCaught() {
        SupplyResult r = run(rich().build());
        caught("lab", "wait for a line", () -> TraceReplay.check(rich().labLines(3).build(), r));
    }

    /** Swaps the first two moves out of {@code stage} made at one instant, one after the other. */
    private static List<TraceEvent> swapFirstTwoMovesOutOf(List<TraceEvent> trace, Stage stage) {
        List<TraceEvent> t = new ArrayList<>(trace);
        for (int i = 0; i + 1 < t.size(); i++) {
            TraceEvent a = t.get(i);
            TraceEvent b = t.get(i + 1);
            if (a.kind() == TraceEvent.Kind.MOVED && b.kind() == TraceEvent.Kind.MOVED && a.from() == stage
                    && b.from() == stage && a.time() == b.time()) {
                t.set(i, b);
                t.set(i + 1, a);
                return t;
            }
        }
        throw new AssertionError("no two moves out of " + stage + " at one instant");
    }

    @Test
    void shipmentsLeavingTheCapOrTheLabQueueOutOfTurnAreCaught() {
        Scenario s = rich().build();
        SupplyResult r = run(s);
        caught("cap", "ahead of one that came before it", () -> TraceReplay.check(s,
                withTrace(r, swapFirstTwoMovesOutOf(r.trace(), Stage.CAP))));
        caught("lab", "ahead of one that came before it", () -> TraceReplay.check(s,
                withTrace(r, swapFirstTwoMovesOutOf(r.trace(), Stage.LAB_QUEUE))));
    }

    @Test
    void aUnitCreatedFromNothingIsCaught() {
        SupplyResult r = run(rich().build());
        List<TraceEvent> t = new ArrayList<>(r.trace());
        TraceEvent c = t.get(first(t, e -> e.kind() == TraceEvent.Kind.CREATED));
        t.add(t.indexOf(c) + 1, new TraceEvent(c.time(), c.kind(), 999_999, c.firm(), c.units(), null, c.to(),
                c.other()));
        caught("conservation", "created from nothing", () -> TraceReplay.check(rich().build(), withTrace(r, t)));
    }

    @Test
    void aMoveOfMoreUnitsThanTheShipmentHoldsIsCaught() {
        SupplyResult r = run(rich().build());
        List<TraceEvent> t = new ArrayList<>(r.trace());
        int i = first(t, e -> e.kind() == TraceEvent.Kind.MOVED && e.from() == Stage.CAP);
        TraceEvent m = t.get(i);
        t.set(i, new TraceEvent(m.time(), m.kind(), m.shipment(), m.firm(), m.units() + 1, m.from(), m.to(),
                m.other()));
        caught("conservation", "units moved differ", () -> TraceReplay.check(rich().build(), withTrace(r, t)));
    }

    @Test
    void unitsLostFromTheResultsAreCaught() {
        SupplyResult r = run(rich().build());
        FirmResult f = r.firms().get(0);
        long[] at = f.unitsAtEnd();
        at[Stage.DELIVERED.ordinal()] -= 1;
        FirmResult lost = new FirmResult(f.name(), f.ordered(), f.approved(), f.converted(), f.allocated(),
                f.licensed(), f.exported(), f.delivered(), f.domesticChips(), f.leadTimeMean(), f.leadTimeP50(),
                f.leadTimeP90(), f.waitDays(), f.attributedUnits(), f.unheldUnits(), at);
        SupplyResult doctored = new SupplyResult(r.scenario(), List.of(lost, r.firms().get(1)), r.system(),
                r.series(), r.trace());
        caught("conservation", "DELIVERED at the end", () -> TraceReplay.check(rich().build(), doctored));
    }

    @Test
    void aMoveOutOfLicenceWithoutAGrantIsCaught() {
        SupplyResult r = run(rich().build());
        List<TraceEvent> t = new ArrayList<>(r.trace());
        t.removeIf(e -> e.kind() == TraceEvent.Kind.LICENCE_GRANTED && e.other() == 1);
        caught("licence", "without a licence granted for key 1", () -> TraceReplay.check(rich().build(),
                withTrace(r, t)));
    }

    @Test
    void aGrantWithApprovalProbabilityZeroIsCaught() {
        SupplyResult r = run(rich().build());
        caught("licence", "probability 0", () -> TraceReplay.check(rich().licenceApprovalProbability(0).build(), r));
    }

    @Test
    void aDeliveryInsideACustomsBlockIsCaught() {
        // The model cleared a shipment on a day the scenario blocks.
        SupplyResult r = run(rich().build());
        TraceEvent delivery = r.trace().get(first(r.trace(), e -> e.kind() == TraceEvent.Kind.MOVED
                && e.to() == Stage.DELIVERED));
        LocalDate day = Calendar.date(delivery.time());
        Scenario blocked = rich().customsBlocks(List.of(new DateWindow(d("2026-07-01"), d("2026-07-20")),
                new DateWindow(day, day))).build();
        caught("customs", "inside a block window", () -> TraceReplay.check(blocked, r));
    }

    @Test
    void aProductionEventInsideAHaltIsCaught() {
        SupplyResult r = run(rich().build());
        List<TraceEvent> t = new ArrayList<>(r.trace());
        double inHalt = Calendar.day(d("2026-05-10"));
        insert(t, new TraceEvent(inHalt, TraceEvent.Kind.PRODUCED, -1, -1, 3_571, null, null, -1));
        caught("production", "inside a halt", () -> TraceReplay.check(rich().build(), withTrace(r, t)));
    }

    @Test
    void productionBeforeTheStartIsCaught() {
        SupplyResult r = run(rich().build());
        caught("production", "before the start", () -> TraceReplay.check(
                rich().productionStart(d("2026-06-01")).build(), r));
    }

    @Test
    void aLotBeyondTheLabLinesIsCaught() {
        // Two lots in test at once, on a lab the scenario gives one line.
        SupplyResult r = run(rich().build());
        caught("lab", "2 lots in test", () -> TraceReplay.check(rich().labLines(1).build(), r));
    }

    @Test
    void aShipmentLeavingTheLabWithoutItsLotEndingIsCaught() {
        SupplyResult r = run(rich().build());
        List<TraceEvent> t = new ArrayList<>(r.trace());
        t.remove(first(t, e -> e.kind() == TraceEvent.Kind.LOT_ENDED));
        caught("lab", "when its lot did not end", () -> TraceReplay.check(rich().build(), withTrace(r, t)));
    }

    @Test
    void unitsBeyondTheFirmsApprovalsAreCaught() {
        SupplyResult r = run(rich().build());
        Firm a = rich().build().firms().get(0);
        Scenario less = rich().firm(a.withApprovals(List.of(new Approval(d("2026-01-20"), 150_000, false))))
                .build();
        caught("approval", "approvals dated so far", () -> TraceReplay.check(less, r));
    }

    @Test
    void conditionalUnitsPassingConditionsThatNeverBecomeFinalAreCaught() {
        SupplyResult r = run(rich().build());
        caught("approval", "conditions never become final", () -> TraceReplay.check(
                rich().conditionsFinalize(false).build(), r));
    }

    @Test
    void thePerFirmCapAndTheCeilingAreCaught() {
        SupplyResult r = run(rich().build());
        caught("limit", "per-firm cap 100000", () -> TraceReplay.check(rich().licencePerFirmCap(100_000).build(), r));
        caught("limit", "total ceiling 250000", () -> TraceReplay.check(rich().licenceTotalCeiling(250_000).build(),
                r));
    }

    @Test
    void purchaseOrdersBeyondTheDomesticOutputAreCaught() {
        SupplyResult r = run(rich().build());
        caught("quota", "domestic chips", () -> TraceReplay.check(rich().domesticRatio(2).build(), r));
    }

    @Test
    void allocationBeyondTheInventoryIsCaught() {
        SupplyResult r = run(rich().build());
        caught("inventory", "negative", () -> TraceReplay.check(rich().inventoryUnits(100_000).build(), r));
    }

    @Test
    void anInventoryEndThatDisagreesWithTheTraceIsCaught() {
        Scenario s = rich().build();
        SupplyResult r = run(s);
        SystemResult y = r.system();
        SystemResult doctored = new SystemResult(y.inventoryStart(), y.produced(), y.inventoryEnd() + 1, y.usShipped(),
                y.chinaShipped(), y.capHeadroomEnd(), y.capBindingShare(), y.labMeanQueue(), y.labMeanWaitDays(),
                y.labMeanBusyLines(), y.labUtilisation(), y.labTests(), y.labFailures(), y.domesticProduced(),
                y.domesticBought(), y.revenueUsd(), y.usTakeUsd(), y.importedPflops(), y.domesticPflops(), y.events());
        caught("inventory", "start + produced - allocated", () -> TraceReplay.check(s,
                new SupplyResult(r.scenario(), r.firms(), doctored, r.series(), r.trace())));
    }
}
