package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.firm;
import static dev.chipflow.supply.Hand.fixed;
import static dev.chipflow.supply.Hand.kind;
import static dev.chipflow.supply.Hand.moves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.Bernoulli;
import dev.chipflow.random.RandomStreams;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed lots (lab.failureShare) are tested again: the lot's shipments rejoin the END of the lab line and reach
 * transit only after a later test passes. The lab draws one Bernoulli trial per finished lot from its own stream
 * ({@link SupplyModel#STREAM_LAB_FAILURE}), so with one line the k-th finished lot uses the k-th trial of that stream.
 */
class LabRetestTest {

    /**
     * The premise, read from the stream itself: seed 7, p = 0.5, the first five trials are fail, pass, pass, fail,
     * pass. One line, lots of 10, 2 days a test, one firm ordering three shipments of 10 on day 0 (S0, S1, S2, in
     * that order in the lab line, each a lot of its own).
     *
     * <pre>
     * test 1 [0, 2):  S0 -> fail: S0 rejoins the END of the line   line: S1 S2 S0
     * test 2 [2, 4):  S1 -> pass: S1 leaves for China at 4
     * test 3 [4, 6):  S2 -> pass: leaves at 6
     * test 4 [6, 8):  S0 -> fail: rejoins                          line: S0
     * test 5 [8, 10): S0 -> pass: leaves at 10
     * </pre>
     * 5 tests, 2 failures. Not retested, S0 would leave at 2; put back at the head of the line, it would be tested
     * again at 2 (and leave at 4, before S1).
     */
    @Test
    void aFailedLotRejoinsTheEndOfTheLineAndLeavesOnlyAfterALaterPass() {
        Bernoulli premise = new Bernoulli(0.5, RandomStreams.of(7).stream(SupplyModel.STREAM_LAB_FAILURE));
        boolean[] trials = new boolean[5];
        for (int i = 0; i < trials.length; i++) {
            trials[i] = premise.trial();
        }
        assertEquals("[true, false, false, true, false]", Arrays.toString(trials), "premise");

        Scenario s = base().labLines(1).labLotUnits(10).labBaseDays(fixed(2)).labFailureShare(0.5)
                .firms(List.of(firm("A", 0, 0, 10, 0, 10, 0, 10))).build();
        SupplyResult r = Hand.run(s, 7);
        assertEquals(List.of("0.0:0", "2.0:1", "4.0:2", "6.0:0", "8.0:0"), timesAndShipments(
                kind(r, TraceEvent.Kind.LOT_STARTED)));
        assertEquals(List.of("2.0:0:failed", "4.0:1:passed", "6.0:2:passed", "8.0:0:failed", "10.0:0:passed"),
                kind(r, TraceEvent.Kind.LOT_ENDED).stream().map(e -> e.time() + ":" + e.shipment() + ":"
                        + (e.other() == 1 ? "failed" : "passed")).toList());
        assertEquals(List.of("2.0:0", "8.0:0"), timesAndShipments(moves(r, Stage.LAB_TEST, Stage.LAB_QUEUE)));
        assertEquals(List.of("4.0:1", "6.0:2", "10.0:0"), timesAndShipments(moves(r, Stage.LAB_TEST,
                Stage.TRANSIT)));
        assertEquals(5, r.system().labTests());
        assertEquals(2, r.system().labFailures());
        assertEquals(30, r.deliveredTotal());
        TraceReplay.check(s, r);
    }

    private static List<String> timesAndShipments(List<TraceEvent> events) {
        return events.stream().map(e -> e.time() + ":" + e.shipment()).toList();
    }

    /**
     * For any seed: two firms, shipments of 10, lots of 25 on two lines (lots split shipments and mix firms), half
     * the tests failing. From the trace alone: right after each LOT_ENDED come the moves of exactly that lot's units
     * out of the test, all back to the lab line if it failed, all to transit if it passed; the lab tests every unit
     * that joined its line, once per joining (units tested = units from the cap + units of failed lots); every
     * ordered unit leaves for China in the end; and the model's test and failure counts match the trace.
     */
    @Test
    void everyFailedLotIsRetestedAndOnlyPassedLotsLeave() {
        Scenario s = base().shipmentUnits(10).labLines(2).labLotUnits(25).labBaseDays(fixed(1))
                .labFailureShare(0.5).firms(List.of(firm("A", 0, 0, 130), firm("B", 0, 0, 70))).build();
        for (long seed = 1; seed <= 10; seed++) {
            SupplyResult r = Hand.run(s, seed);
            Map<Integer, Long> lotUnits = new HashMap<>();
            long tested = 0;
            long joined = 0;
            long failures = 0;
            List<TraceEvent> trace = r.trace();
            for (int i = 0; i < trace.size(); i++) {
                TraceEvent e = trace.get(i);
                if (e.kind() == TraceEvent.Kind.LOT_STARTED) {
                    lotUnits.put(e.shipment(), e.units());
                    tested += e.units();
                } else if (e.kind() == TraceEvent.Kind.MOVED && e.to() == Stage.LAB_QUEUE) {
                    joined += e.units();
                } else if (e.kind() == TraceEvent.Kind.LOT_ENDED) {
                    boolean failed = e.other() == 1;
                    failures += failed ? 1 : 0;
                    Stage to = failed ? Stage.LAB_QUEUE : Stage.TRANSIT;
                    long out = 0;
                    int j = i + 1;
                    for (; j < trace.size() && trace.get(j).kind() == TraceEvent.Kind.MOVED
                            && trace.get(j).from() == Stage.LAB_TEST; j++) {
                        TraceEvent m = trace.get(j);
                        assertEquals(to, m.to(), "seed " + seed + ": a lot's units go " + to + " at " + m.time());
                        assertEquals(e.time(), m.time());
                        out += m.units();
                        joined += failed ? m.units() : 0;
                    }
                    assertEquals(lotUnits.remove(e.shipment()), out, "seed " + seed + ": the whole lot moves on");
                    i = j - 1;
                }
            }
            assertTrue(failures > 0, "seed " + seed + ": the case needs failures to mean anything");
            assertEquals(joined, tested, "seed " + seed + ": every unit in the line is tested, retests included");
            assertEquals(200, r.firms().stream().mapToLong(FirmResult::exported).sum(), "seed " + seed);
            assertEquals(kind(r, TraceEvent.Kind.LOT_STARTED).size(), r.system().labTests());
            assertEquals(failures, r.system().labFailures());
            TraceReplay.check(s, r);
        }
    }
}
