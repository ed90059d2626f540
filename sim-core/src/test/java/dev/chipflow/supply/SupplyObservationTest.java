package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * {@link SupplyObservation} and {@link PairedObservation}: where each value of a replication lies, on results built by
 * hand (every number distinct, so that a value in the wrong slot shows), and what a comparison computes from both
 * scenarios at once.
 */
class SupplyObservationTest {

    private static final int STAGES = Stage.values().length;
    private static final int WAITING = Stage.WAITING_STAGES;

    /**
     * A firm whose numbers all derive from {@code base}: counts base, base - 1, ..., lead times base + 0.25 ... (NaN
     * when it delivered nothing), per-stage arrays base x 1000 + stage (short arrays when {@code shortArrays}: the
     * observation pads them with zeros).
     */
    private static FirmResult firm(String name, int base, long delivered, boolean shortArrays) {
        double[] wait = new double[shortArrays ? 2 : WAITING];
        long[] attributed = new long[shortArrays ? 3 : WAITING];
        long[] atEnd = new long[shortArrays ? 5 : STAGES];
        for (int k = 0; k < wait.length; k++) {
            wait[k] = base * 1000 + k + 0.5;
        }
        for (int k = 0; k < attributed.length; k++) {
            attributed[k] = base * 1000L + 100 + k;
        }
        for (int k = 0; k < atEnd.length; k++) {
            atEnd[k] = base * 1000L + 200 + k;
        }
        double lead = delivered > 0 ? base + 0.25 : Double.NaN;
        return new FirmResult(name, base + 70, base + 60, base + 50, base + 40, base + 30, base + 20, delivered,
                base + 0.125, lead, delivered > 0 ? lead - 3 : Double.NaN, delivered > 0 ? lead + 9 : Double.NaN,
                wait, attributed, base + 7, atEnd);
    }

    /**
     * A result of the firms given with their cumulative deliveries by day; the system series are
     * 1000 x (series ordinal + 1) + day + 0.5, the system outputs distinct numbers.
     */
    private static SupplyResult result(List<FirmResult> firms, double[][] delivered) {
        int days = delivered[0].length;
        double[][] series = new double[SupplyObservation.Series.values().length][days];
        for (int x = 0; x < series.length; x++) {
            for (int d = 0; d < days; d++) {
                series[x][d] = 1000 * (x + 1) + d + 0.5;
            }
        }
        SystemResult sys = new SystemResult(700_000, 1_001, 2_002, 3_003.5, 4_004.5, 5_005.5, 0.25, 6.5, 7.5, 8.5,
                Double.NaN, 9_009, 10, 11_011.5, 12_012.5, 1.3e9, 1.4e8, 15.5, 16.5, 17_017);
        // Series in the order of SupplyObservation.Series: headroom, queue, busy, inventory, china, us, china in
        // window, us in window.
        DailySeries s = new DailySeries(days, delivered, series[0], series[1], series[2], series[3], series[4],
                series[5], series[6], series[7]);
        return new SupplyResult("hand", firms, sys, s, List.of());
    }

    private static final List<String> XYZ = List.of("X", "Y", "Z");

    /** X delivers 0, 10, 20, 40; Y nothing (NaN lead times, short arrays); Z 1, 2, 3, 5. */
    private static SupplyResult handResult() {
        return result(List.of(firm("X", 1, 40, false), firm("Y", 2, 0, true), firm("Z", 3, 5, false)),
                new double[][] {{0, 10, 20, 40}, {0, 0, 0, 0}, {1, 2, 3, 5}});
    }

    private static final List<List<Integer>> GROUPS = List.of(List.of(0, 2), List.of(1), List.of(2, 0, 1));

    @Test
    void everyValueLiesInItsSlot() {
        SupplyResult r = handResult();
        SupplyObservation o = new SupplyObservation(XYZ, 4, GROUPS, Outputs.names(XYZ));
        double[] v = new double[o.size()];
        Arrays.fill(v, -12345.678);
        o.observe(r, v);
        for (int i = 0; i < v.length; i++) {
            assertTrue(v[i] != -12345.678, "slot " + i + " written");
        }

        // Scalars first, in the order of Outputs.names, with the values of result.scalars().
        Map<String, Double> scalars = r.scalars();
        assertEquals(List.copyOf(scalars.keySet()), o.scalars());
        for (int k = 0; k < o.scalars().size(); k++) {
            String name = o.scalars().get(k);
            assertEquals(k, o.scalarSlot(name));
            assertEquals(scalars.get(name), v[k], name);
        }
        assertEquals(-1, o.scalarSlot("X.nothing"));
        assertEquals(40.0, v[o.scalarSlot("X.delivered")]);
        assertEquals(45.0, v[o.scalarSlot("all.delivered")]);
        assertTrue(Double.isNaN(v[o.scalarSlot("Y.leadTimeMeanDays")]));
        assertEquals(2.125, v[o.scalarSlot("Y.domesticChips")]);
        assertEquals(1.3e9, v[o.scalarSlot("system.revenueUsd")]);

        double[][] delivered = {{0, 10, 20, 40}, {0, 0, 0, 0}, {1, 2, 3, 5}};
        double[] total = {1, 12, 23, 45};
        double[][] groups = {{1, 12, 23, 45}, {0, 0, 0, 0}, {1, 12, 23, 45}};
        for (int d = 0; d < 4; d++) {
            for (int f = 0; f < 3; f++) {
                assertEquals(delivered[f][d], v[o.deliveredSlot(f, d)], "firm " + f + " day " + d);
            }
            assertEquals(total[d], v[o.totalSlot(d)], "total day " + d);
            for (int g = 0; g < 3; g++) {
                assertEquals(groups[g][d], v[o.groupSlot(g, d)], "group " + g + " day " + d);
            }
            for (SupplyObservation.Series x : SupplyObservation.Series.values()) {
                assertEquals(1000 * (x.ordinal() + 1) + d + 0.5, v[o.seriesSlot(x, d)], x + " day " + d);
                assertEquals(x.of(r.series())[d], v[o.seriesSlot(x, d)]);
            }
        }
        assertEquals(r.series().usInWindow()[2], v[o.seriesSlot(SupplyObservation.Series.US_IN_WINDOW, 2)]);
        assertEquals(r.series().capHeadroom()[3], v[o.seriesSlot(SupplyObservation.Series.CAP_HEADROOM, 3)]);

        int[] bases = {1, 2, 3};
        for (int f = 0; f < 3; f++) {
            boolean shortArrays = f == 1;
            int b = bases[f];
            for (int k = 0; k < WAITING; k++) {
                double attributed = shortArrays && k >= 3 ? 0 : b * 1000 + 100 + k;
                double wait = shortArrays && k >= 2 ? 0 : b * 1000 + k + 0.5;
                assertEquals(attributed, v[o.attributedSlot(f, k)], "attributed firm " + f + " stage " + k);
                assertEquals(wait, v[o.waitSlot(f, k)], "wait firm " + f + " stage " + k);
            }
            for (int k = 0; k < STAGES; k++) {
                double atEnd = shortArrays && k >= 5 ? 0 : b * 1000 + 200 + k;
                assertEquals(atEnd, v[o.atEndSlot(f, k)], "at end firm " + f + " stage " + k);
            }
            assertEquals(b + 7, v[o.unheldSlot(f)], "unheld firm " + f);
        }

        assertEquals(o.unheldSlot(2) + 1, o.size(), "the last slot is the last firm's unheld units");
        assertEquals(o.scalars().size() + 3 * 4 + 4 + 3 * 4 + 8 * 4 + 3 * WAITING + 3 * STAGES + 3 * WAITING + 3,
                o.size());
        assertEveryValueHasOneSlot(o);
    }

    /** The slot methods map onto [0, size) one to one: no value shares a slot, none is left without one. */
    /** @return what {@code p} keeps of the pair (ra, rb) */
    private static double[] observe(PairedObservation p, SupplyResult ra, SupplyResult rb) {
        double[] v = new double[p.size()];
        p.observe(new dev.chipflow.experiment.Paired.Results<>(ra, rb), v);
        return v;
    }

    private static void assertEveryValueHasOneSlot(SupplyObservation o) {
        int[] hits = new int[o.size()];
        IntConsumer hit = slot -> hits[slot]++;
        for (String name : o.scalars()) {
            hit.accept(o.scalarSlot(name));
        }
        int firms = o.firms().size();
        for (int d = 0; d < o.days(); d++) {
            for (int f = 0; f < firms; f++) {
                hit.accept(o.deliveredSlot(f, d));
            }
            hit.accept(o.totalSlot(d));
            for (int g = 0; g < o.groups().size(); g++) {
                hit.accept(o.groupSlot(g, d));
            }
            for (SupplyObservation.Series x : SupplyObservation.Series.values()) {
                hit.accept(o.seriesSlot(x, d));
            }
        }
        for (int f = 0; f < firms; f++) {
            for (int k = 0; k < WAITING; k++) {
                hit.accept(o.attributedSlot(f, k));
                hit.accept(o.waitSlot(f, k));
            }
            for (int k = 0; k < STAGES; k++) {
                hit.accept(o.atEndSlot(f, k));
            }
            hit.accept(o.unheldSlot(f));
        }
        for (int i = 0; i < hits.length; i++) {
            assertEquals(1, hits[i], "slot " + i);
        }
    }

    @Test
    void anObservationWritesAtItsOffsetAndNothingElse() {
        SupplyResult r = handResult();
        SupplyObservation o = new SupplyObservation(XYZ, 4, GROUPS, Outputs.names(XYZ));
        double[] alone = new double[o.size()];
        o.observe(r, alone);
        double[] shifted = new double[o.size() + 10];
        Arrays.fill(shifted, 7.5);
        o.observe(r, shifted, 3);
        assertEquals(List.of(7.5, 7.5, 7.5), List.of(shifted[0], shifted[1], shifted[2]));
        assertEquals(Arrays.toString(alone), Arrays.toString(Arrays.copyOfRange(shifted, 3, 3 + o.size())));
        for (int i = 3 + o.size(); i < shifted.length; i++) {
            assertEquals(7.5, shifted[i]);
        }
    }

    @Test
    void resultsOfOtherFirmsOrDaysAreRefused() {
        SupplyObservation o = new SupplyObservation(XYZ, 4, List.of(), Outputs.names(XYZ));
        SupplyResult twoFirms = result(List.of(firm("X", 1, 40, false), firm("Y", 2, 0, false)),
                new double[][] {{0, 10, 20, 40}, {0, 0, 0, 0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> o.observe(twoFirms, new double[o.size()]));
        assertTrue(e.getMessage().contains("2 firms") && e.getMessage().contains("3 firms"), e.getMessage());
        SupplyResult fiveDays = result(handResult().firms(),
                new double[][] {{0, 10, 20, 40, 40}, {0, 0, 0, 0, 0}, {1, 2, 3, 5, 5}});
        e = assertThrows(IllegalArgumentException.class, () -> o.observe(fiveDays, new double[o.size()]));
        assertTrue(e.getMessage().contains("5 days"), e.getMessage());
    }

    /** On a real run of a tiny scenario: the scalars are the result's, the delivered slots its series. */
    @Test
    void ofAScenarioObservesItsRuns() {
        Scenario s = Hand.base().horizonEnd(LocalDate.of(2026, 1, 20))
                .firms(List.of(Hand.firm("A", 0, 2, 100, 5, 50), Hand.firm("B", 3, 1, 70))).build();
        SupplyObservation o = SupplyObservation.of(s, List.of(List.of(0, 1)));
        assertEquals(List.of("A", "B"), o.firms());
        assertEquals(20, o.days());
        assertEquals(Outputs.names(List.of("A", "B")), o.scalars());
        SupplyResult r = Hand.run(s);
        double[] v = new double[o.size()];
        o.observe(r, v);
        r.scalars().forEach((name, x) -> assertEquals(x, v[o.scalarSlot(name)], name));
        for (int d = 0; d < 20; d++) {
            double a = r.series().deliveredByFirm()[0][d];
            double b = r.series().deliveredByFirm()[1][d];
            assertEquals(a, v[o.deliveredSlot(0, d)]);
            assertEquals(b, v[o.deliveredSlot(1, d)]);
            assertEquals(a + b, v[o.totalSlot(d)]);
            assertEquals(a + b, v[o.groupSlot(0, d)]);
        }
        assertEquals(220.0, v[o.totalSlot(19)], "everything delivered by the end: nothing holds a unit back");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PairedObservation

    /**
     * A: X 0, 1, 1, 2; Y nothing; Z 0, 0, 1, 2: total 0, 1, 2, 4 over 4 days. B (5 days): X 0, 0, 1, 2, 5; Y nothing;
     * Z 0, 0, 0, 1, 3: total 0, 0, 1, 3, 8.
     *
     * <pre>
     * gap B - A over the 4 common days: 0 - 0 = 0, 0 - 1 = -1, 1 - 2 = -1, 3 - 4 = -1; unit-days = -(sum) = 3
     * firm gaps: X 0, -1, 0, 0;  Y 0, 0, 0, 0;  Z 0, 0, -1, -1
     * milestones, the first day on which the total reaches the share of its own last day:
     *   A (last 4): 25% = 1 on day 1 (1 >= 1), 50% = 2 on day 2, 75% = 3 on day 3 (4 >= 3)
     *   B (last 8): 25% = 2 on day 3 (day 2 has 1), 50% = 4 on day 4 (day 3 has 3), 75% = 6 on day 4
     *   delays B - A: 2, 2, 1
     * </pre>
     */
    @Test
    void pairedDifferencesGapsAndMilestones() {
        SupplyResult ra = result(List.of(firm("X", 1, 2, false), firm("Y", 2, 0, false), firm("Z", 3, 2, false)),
                new double[][] {{0, 1, 1, 2}, {0, 0, 0, 0}, {0, 0, 1, 2}});
        SupplyResult rb = result(List.of(firm("X", 4, 5, false), firm("Y", 5, 0, true), firm("Z", 6, 3, false)),
                new double[][] {{0, 0, 1, 2, 5}, {0, 0, 0, 0, 0}, {0, 0, 0, 1, 3}});
        SupplyObservation a = new SupplyObservation(XYZ, 4, List.of(List.of(0, 2)), Outputs.names(XYZ));
        SupplyObservation b = new SupplyObservation(XYZ, 5, List.of(), Outputs.names(XYZ));
        PairedObservation p = new PairedObservation(a, b);
        assertEquals(4, p.days(), "the shorter run's days");

        double[] v = new double[p.size()];
        Arrays.fill(v, -12345.678);
        p.observe(new dev.chipflow.experiment.Paired.Results<>(ra, rb), v);
        for (int i = 0; i < v.length; i++) {
            assertTrue(v[i] != -12345.678, "slot " + i + " written");
        }

        // Each scenario's own observation, at its offset.
        double[] alone = new double[a.size()];
        a.observe(ra, alone);
        assertEquals(Arrays.toString(alone), Arrays.toString(Arrays.copyOfRange(v, p.aOffset(), p.bOffset())));
        double[] aloneB = new double[b.size()];
        b.observe(rb, aloneB);
        assertEquals(Arrays.toString(aloneB),
                Arrays.toString(Arrays.copyOfRange(v, p.bOffset(), p.bOffset() + b.size())));

        // B - A of every scalar output.
        Map<String, Double> sa = ra.scalars();
        Map<String, Double> sb = rb.scalars();
        for (int k = 0; k < a.scalars().size(); k++) {
            String name = a.scalars().get(k);
            assertEquals(sb.get(name) - sa.get(name), v[p.differenceSlot(k)], name);
        }
        assertEquals(3.0, v[p.differenceSlot(a.scalarSlot("X.ordered"))], "(4 + 70) - (1 + 70)");
        assertEquals(4.0, v[p.differenceSlot(a.scalarSlot("all.delivered"))], "(5 + 0 + 3) - (2 + 0 + 2)");

        double[] gap = {0, -1, -1, -1};
        double[][] firmGap = {{0, -1, 0, 0}, {0, 0, 0, 0}, {0, 0, -1, -1}};
        for (int d = 0; d < 4; d++) {
            assertEquals(gap[d], v[p.gapSlot(d)], "gap day " + d);
            for (int f = 0; f < 3; f++) {
                assertEquals(firmGap[f][d], v[p.firmGapSlot(f, d)], "firm " + f + " day " + d);
            }
        }
        assertEquals(3.0, v[p.unitDaysSlot()]);
        double[][] milestones = {{1, 3, 2}, {2, 4, 2}, {3, 4, 1}};
        for (int k = 0; k < 3; k++) {
            for (int which = 0; which < 3; which++) {
                assertEquals(milestones[k][which], v[p.milestoneSlot(k, which)], "share " + k + ", " + which);
            }
        }
        assertEquals(p.milestoneSlot(2, 2) + 1, p.size());
        assertEquals(a.size() + b.size() + a.scalars().size() + 4 + 3 * 4 + 1 + 9, p.size());
        assertEquals(List.of(0.25, 0.5, 0.75), Arrays.stream(PairedObservation.shares()).boxed().toList());
    }

    /**
     * A firm of A that B lacks counts as 0 in B, and a firm of both is matched by name. (Outputs named alike but
     * firms differing can only be built by hand: B's observation here is given A's scalar names.) A: X 0, 1; Y 0, 2;
     * Z 0, 3. B's firms Z, W, X: Z 0, 5; W 0, 7; X 0, 11. Firm gaps on day 1: X 11 - 1 = 10, Y 0 - 2 = -2 (absent
     * from B), Z 5 - 3 = 2.
     */
    @Test
    void aFirmAbsentFromBCountsAsZero() {
        SupplyResult ra = result(List.of(firm("X", 1, 1, false), firm("Y", 2, 2, false), firm("Z", 3, 3, false)),
                new double[][] {{0, 1}, {0, 2}, {0, 3}});
        SupplyResult rb = result(List.of(firm("Z", 4, 5, false), firm("W", 5, 7, false), firm("X", 6, 11, false)),
                new double[][] {{0, 5}, {0, 7}, {0, 11}});
        SupplyObservation a = new SupplyObservation(XYZ, 2, List.of(), Outputs.names(XYZ));
        SupplyObservation b = new SupplyObservation(List.of("Z", "W", "X"), 2, List.of(), Outputs.names(XYZ));
        PairedObservation p = new PairedObservation(a, b);
        double[] v = observe(p, ra, rb);
        assertEquals(10.0, v[p.firmGapSlot(0, 1)]);
        assertEquals(-2.0, v[p.firmGapSlot(1, 1)]);
        assertEquals(2.0, v[p.firmGapSlot(2, 1)]);
        assertEquals(0.0, v[p.firmGapSlot(1, 0)]);
        assertEquals(23.0 - 6.0, v[p.gapSlot(1)]);
        assertEquals(-17.0, v[p.unitDaysSlot()]);
    }

    /**
     * Scenarios aligned as the CLI aligns them, first.withFirmsOf(second) and second.withFirmsOf(first), have the
     * same firms but not always in the same order (each keeps its own firms first): here A's are P, Q, R and B's Q,
     * R, P. The paired observation accepts them and pairs every output and firm by name, not by position.
     */
    @Test
    void alignedScenariosWithFirmsInAnotherOrderArePairedByName() {
        SupplyResult ra = result(List.of(firm("P", 1, 1, false), firm("Q", 2, 2, false), firm("R", 3, 0, false)),
                new double[][] {{0, 1}, {0, 2}, {0, 0}});
        SupplyResult rb = result(List.of(firm("Q", 4, 7, false), firm("R", 5, 0, false), firm("P", 6, 11, false)),
                new double[][] {{0, 7}, {0, 0}, {0, 11}});
        List<String> pqr = List.of("P", "Q", "R");
        List<String> qrp = List.of("Q", "R", "P");
        PairedObservation p = new PairedObservation(new SupplyObservation(pqr, 2, List.of(), Outputs.names(pqr)),
                new SupplyObservation(qrp, 2, List.of(), Outputs.names(qrp)));
        double[] v = observe(p, ra, rb);
        Map<String, Double> sa = ra.scalars();
        Map<String, Double> sb = rb.scalars();
        for (int k = 0; k < p.a().scalars().size(); k++) {
            String name = p.a().scalars().get(k);
            assertEquals(sb.get(name) - sa.get(name), v[p.differenceSlot(k)], name);
        }
        assertEquals(10.0, v[p.differenceSlot(p.a().scalarSlot("P.delivered"))], "11 - 1");
        assertEquals(5.0, v[p.differenceSlot(p.a().scalarSlot("Q.delivered"))], "7 - 2");
        assertEquals(10.0, v[p.firmGapSlot(0, 1)]);
        assertEquals(5.0, v[p.firmGapSlot(1, 1)]);
        assertEquals(15.0, v[p.gapSlot(1)]);

        // And the scenarios the CLI would build.
        Scenario first = Hand.base().firms(List.of(Hand.firm("P", 0, 0, 10), Hand.firm("Q", 0, 0, 10))).build();
        Scenario second = Hand.base().firms(List.of(Hand.firm("Q", 0, 0, 10), Hand.firm("R", 0, 0, 10))).build();
        Scenario a = first.withFirmsOf(second);
        Scenario b = second.withFirmsOf(first);
        assertEquals(List.of("P", "Q", "R"), a.firms().stream().map(Firm::name).toList());
        assertEquals(List.of("Q", "R", "P"), b.firms().stream().map(Firm::name).toList());
        PairedObservation aligned = new PairedObservation(SupplyObservation.of(a, List.of()),
                SupplyObservation.of(b, List.of()));
        double[] w = observe(aligned, Hand.run(a), Hand.run(b));
        assertEquals(-10.0, w[aligned.differenceSlot(aligned.a().scalarSlot("P.delivered"))]);
        assertEquals(0.0, w[aligned.differenceSlot(aligned.a().scalarSlot("Q.delivered"))]);
        assertEquals(10.0, w[aligned.differenceSlot(aligned.a().scalarSlot("R.delivered"))]);
        assertEquals(0.0, w[aligned.differenceSlot(aligned.a().scalarSlot("all.delivered"))]);
    }

    @Test
    void differentOutputsAreRefusedNamingWithFirmsOf() {
        List<String> xy = List.of("X", "Y");
        List<String> x = List.of("X");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PairedObservation(new SupplyObservation(xy, 4, List.of(), Outputs.names(xy)),
                        new SupplyObservation(x, 4, List.of(), Outputs.names(x))));
        assertTrue(e.getMessage().contains("withFirmsOf"), e.getMessage());
        assertTrue(e.getMessage().contains("Y.delivered"), "names what only A has: " + e.getMessage());
        assertFalse(e.getMessage().contains("X.delivered"), e.getMessage());
    }

    /**
     * reach on the hand case 0, 1, 2, 4: 25% of 4 is 1, reached on day 1 (1 >= 1); 50% on day 2; 75% (3) on day 3;
     * 100% on day 3. Read from an offset; NaN when nothing is delivered.
     */
    @Test
    void reachIsTheFirstDayAtTheShare() {
        double[] c = {99, 99, 0, 1, 2, 4};
        assertEquals(1.0, PairedObservation.reach(c, 2, 4, 0.25));
        assertEquals(2.0, PairedObservation.reach(c, 2, 4, 0.5));
        assertEquals(3.0, PairedObservation.reach(c, 2, 4, 0.75));
        assertEquals(3.0, PairedObservation.reach(c, 2, 4, 1));
        assertEquals(0.0, PairedObservation.reach(new double[] {5, 5}, 0, 2, 0.25), "all on day 0");
        assertTrue(Double.isNaN(PairedObservation.reach(new double[] {0, 0, 0}, 0, 3, 0.5)));
        assertTrue(Double.isNaN(PairedObservation.reach(new double[] {99, 0, 0}, 1, 2, 0.5)));
    }

}
