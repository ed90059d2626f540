package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Replays a run's trace with nothing but the trace and the scenario, and checks MODEL.md's invariants against it:
 * conservation (every unit in exactly one place, none created or lost), the cap at every release, and the books the
 * model itself reports.
 */
final class TraceReplay {

    private TraceReplay() {
    }

    static void check(Scenario scenario, SupplyResult result) {
        int firms = scenario.firms().size();
        int stages = Stage.values().length;
        long[][] at = new long[firms][stages];
        Map<Integer, long[]> live = new HashMap<>();
        double us = 0;
        double china = 0;
        Deque<double[]> usWindow = new ArrayDeque<>();
        Deque<double[]> chinaWindow = new ArrayDeque<>();
        int rolling = scenario.capRollingDays();
        long produced = 0;
        long allocated = 0;
        for (TraceEvent e : result.trace()) {
            switch (e.kind()) {
                case CREATED -> {
                    assertTrue(live.put(e.shipment(), new long[] {e.firm(), e.units(), e.to().ordinal()}) == null,
                            "shipment " + e.shipment() + " created twice while alive");
                    at[e.firm()][e.to().ordinal()] += e.units();
                }
                case SPLIT -> {
                    long[] parent = live.get(e.shipment());
                    assertTrue(parent != null && parent[1] > e.units(), "split of a missing or too small shipment");
                    parent[1] -= e.units();
                    assertTrue(live.put(e.other(), new long[] {parent[0], e.units(), parent[2]}) == null,
                            "split into a live shipment number");
                }
                case MOVED -> {
                    long[] s = live.get(e.shipment());
                    if (s == null) {
                        fail("move of an unknown shipment " + e);
                    }
                    assertEquals(s[1], e.units(), "units moved differ from the shipment's units");
                    assertEquals(s[2], e.from().ordinal(), "shipment moved from a stage it was not in");
                    at[(int) s[0]][(int) s[2]] -= s[1];
                    assertTrue(at[(int) s[0]][(int) s[2]] >= 0, "negative units in " + e.from());
                    s[2] = e.to().ordinal();
                    at[(int) s[0]][(int) s[2]] += s[1];
                    if (e.to() == Stage.DELIVERED) {
                        live.remove(e.shipment());
                    }
                    if (e.from() == Stage.ALLOCATION && e.to() == Stage.LICENCE) {
                        allocated += e.units();
                    }
                    if (e.from() == Stage.CAP) {
                        china += e.units();
                        chinaWindow.add(new double[] {e.time(), e.units()});
                        double usIn = us;
                        double chinaIn = china;
                        if (rolling > 0) {
                            usIn = windowSum(usWindow, e.time(), rolling);
                            chinaIn = windowSum(chinaWindow, e.time(), rolling);
                        }
                        double tol = 1e-9 * Math.max(1, usIn);
                        // No cap (an infinite ratio) allows any release, also before the first US shipment, where
                        // infinity x 0 would be NaN.
                        boolean noCap = scenario.capRatio() == Double.POSITIVE_INFINITY;
                        assertTrue(noCap || chinaIn <= scenario.capRatio() * usIn + tol, "cap broken at day "
                                + e.time() + ": China " + chinaIn + " > " + scenario.capRatio() + " x US " + usIn);
                    }
                }
                case US_SHIPPED -> {
                    us += e.units();
                    usWindow.add(new double[] {e.time(), e.units()});
                }
                case PRODUCED -> produced += e.units();
            }
        }
        for (int f = 0; f < firms; f++) {
            FirmResult fr = result.firms().get(f);
            long sum = 0;
            for (int st = 0; st < stages; st++) {
                assertEquals(at[f][st], fr.unitsAtEnd()[st], fr.name() + " units in " + Stage.of(st));
                sum += at[f][st];
            }
            assertEquals(fr.ordered(), sum, fr.name() + ": units created or lost");
            long attributed = 0;
            for (long a : fr.attributedUnits()) {
                attributed += a;
            }
            assertEquals(fr.ordered(), attributed + fr.unheldUnits(),
                    fr.name() + ": every unit is attributed to one stage, or to none if it never waited");
        }
        SystemResult sys = result.system();
        assertEquals(sys.produced(), produced, "production in the trace");
        assertEquals(sys.inventoryStart() + produced - allocated, sys.inventoryEnd(),
                "supply: units leave inventory only by allocation");
    }

    /**
     * Sum of what was made in (t - rolling, t]: made at s, counted until and not at s + rolling. The test is on
     * s + rolling <= t, not s <= t - rolling: in floating point the two disagree (35.29 + 30 - 30 < 35.29).
     */
    private static double windowSum(Deque<double[]> window, double t, int rolling) {
        window.removeIf(x -> x[0] + rolling <= t);
        double sum = 0;
        for (double[] x : window) {
            sum += x[1];
        }
        return sum;
    }

    /** The model's own books agree with MODEL.md's inequalities. */
    static void checkBooks(Scenario scenario, SupplyResult result) {
        long licensedTotal = 0;
        long allocatedTotal = 0;
        for (int f = 0; f < scenario.firms().size(); f++) {
            Firm firm = scenario.firms().get(f);
            FirmResult r = result.firms().get(f);
            long[] chain = {r.ordered(), r.approved(), r.converted(), r.allocated(), r.licensed(), r.exported(),
                r.delivered()};
            for (int i = 1; i < chain.length; i++) {
                assertTrue(chain[i] <= chain[i - 1], r + ": a later stage exceeds an earlier one");
            }
            assertTrue(r.ordered() <= firm.orderedUnits(), r.name() + " got more than it ordered");
            assertTrue(r.approved() <= firm.approvedUnits(), r.name() + " got more than it was approved");
            assertTrue(r.delivered() <= r.licensed(), r.name() + " got more than it was licensed");
            assertTrue(r.licensed() <= scenario.licencePerFirmCap(), r.name() + " exceeds the per-firm cap");
            assertTrue(r.converted() <= Math.floor(scenario.conversionShare() * r.approved() + 1e-6),
                    r.name() + " converted more than the share allows");
            licensedTotal += r.licensed();
            allocatedTotal += r.allocated();
        }
        assertTrue(licensedTotal <= scenario.licenceTotalCeiling(), "total ceiling exceeded");
        SystemResult s = result.system();
        assertEquals(s.inventoryStart() + s.produced(), s.inventoryEnd() + allocatedTotal,
                "supply: inventory + produced must equal what is left plus what was allocated");
        assertTrue(s.inventoryEnd() >= 0, "negative inventory");
        assertTrue(s.domesticBought() <= s.domesticProduced() * (1 + 1e-9) + 1e-6, "bought more domestic chips "
                + "than were produced");
    }
}
