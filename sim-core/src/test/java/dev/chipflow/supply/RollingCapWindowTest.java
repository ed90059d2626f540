package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.firm;
import static dev.chipflow.supply.Hand.fixed;
import static dev.chipflow.supply.Hand.releases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.RandomStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rolling window of {@link CapLedger} (cap.rollingDays = R): at a release at t the window is (t - R, t], so a US
 * shipment or a China release made at s counts until, and not at, s + R. Room comes back both when US shipments
 * arrive and when past China releases leave the window.
 */
class RollingCapWindowTest {

    /**
     * R = 10, ratio 1, 100 US units a week at 7, 14, 21, ... (policy start day 0); a US shipment made at s is in the
     * window for t in [s, s + 10). Orders (each one shipment, reaching the cap on its own day): 150 on day 14, 10 on
     * day 16, 10 on day 17, 50 on day 22.
     *
     * <pre>
     * day 14: US {7,14} = 200, China 0           -> 150 leave (in the window until 24)
     * day 16: US {7,14} = 200, China 150, room 50 -> 10 leave (until 26)
     * day 17: US@7 leaves AT 17: US {14} = 100, China 160, room -60 -> 10 wait
     * day 21: US {14,21} = 200, China 160, room 40 -> 10 leave (until 31)
     * day 22: US 200, China 170, room 30 < 50     -> 50 wait
     * day 24: US@14 and China@14 leave AT 24: US {21} = 100, China {16,21} = 20, room 80 -> 50 leave
     * </pre>
     * Releases 14:150, 16:10, 21:10, 24:50. A closed window [t - R, t] would keep US@7 at day 17 (room 40: the 10
     * would leave at 17), as would a cumulative window; it would also keep China@14 at 24 (room 200 - 170 = 30 < 50).
     *
     * <p>Headroom at the end of day d (the instant just before d + 1), ratio x US - China in that window:
     * end of 16: 200 - 160 = 40; end of 17 to end of 20: 100 - 160 = -60; end of 21: 200 - 170 = 30; end of 23:
     * 200 - 170 = 30; end of 24: 100 - 70 = 30. The -60 is not a breach: no unit moves while it lasts. The 150 left
     * when 200 US units were in the window; US@7 left the window before the 150 did, and until room returns (day 21)
     * nothing is released. So under a rolling window DailySeries.capHeadroom may be negative between releases.
     */
    @Test
    void aShipmentCountsUntilAndNotAtItsTimePlusR() {
        Scenario s = base().capRatio(1).usUnitsPerWeek(100).capRollingDays(10)
                .firms(List.of(firm("A", 0, 14, 150, 16, 10, 17, 10, 22, 50))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("14.0:150", "16.0:10", "21.0:10", "24.0:50"), releases(r));
        double[] headroom = r.series().capHeadroom();
        assertEquals(40, headroom[16]);
        for (int d = 17; d <= 20; d++) {
            assertEquals(-60, headroom[d], "end of day " + d);
        }
        assertEquals(30, headroom[21]);
        assertEquals(30, headroom[23]);
        assertEquals(30, headroom[24]);
        assertEquals(100, r.series().usInWindow()[17]);
        assertEquals(160, r.series().chinaInWindow()[17]);
        TraceReplay.check(s, r);
        checkCapAtEveryRelease(s, r);
    }

    /**
     * REGRESSION: a China release at a non-integer instant whose expiry t + R does not give back t when R is taken
     * away (0.1 + 35.19 = 35.29; 35.29 + 30 = 65.28999999999999; 65.28999999999999 - 30 = 35.28999999999999 < 35.29).
     * The old ledger looked again at t + R but dropped a release only if t <= now - R: at that instant it never did,
     * and it looked again at the same instant forever.
     *
     * <p>R = 30, ratio 1, 100 US a week from day 7. One order of 600 units on day 0 in two shipments of 300; the
     * purchase order is placed 0.1 days later and the licence review takes 35.19 days, so both reach the cap at
     * t1 = 0.1 + 35.19.
     * <pre>
     * t1:      US (t1-30, t1] = {7,14,21,28,35} = 500, China 0  -> first 300 leave; room 200 < 300
     * 42 ... 63: US 500 (one in, one out each week), China 300, room 200; 65: US@35 leaves, room 100
     * t1 + 30: the first 300 leave the window: US {42,49,56,63} = 400, China 0, room 400 -> second 300 leave
     * </pre>
     * The second release happens at exactly the stored expiry t1 + 30, not at the next US shipment (day 70).
     */
    @Test
    void aReleaseAtTheExpiryOfANonIntegerReleaseTimeHappensAndTheRunEnds() {
        Scenario s = base().capRatio(1).usUnitsPerWeek(100).capRollingDays(30).shipmentUnits(300)
                .conversionDays(fixed(0.1)).licenceReviewDays(fixed(35.19)).firms(List.of(firm("A", 0, 0, 600)))
                .build();
        SupplyResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Hand.run(s));
        double t1 = 0.1 + 35.19;
        assertTrue(t1 + 30 - 30 != t1, "the case must be one where t + R - R differs from t");
        assertEquals(List.of(t1 + ":300", (t1 + 30) + ":300"), releases(r));
        TraceReplay.check(s, r);
        checkCapAtEveryRelease(s, r);
    }

    /**
     * REGRESSION: the default scenario with a 30-day rolling window, 20 replications: each run ends, and at every
     * release China in the window ending then is at most ratio x US in the same window, counted from the trace alone.
     */
    @Test
    void defaultScenarioWithARollingWindowEndsAndNeverBreaksTheCap() {
        Scenario s = Scenario.builder().capRollingDays(30).build();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 20; i++) {
                SupplyResult r = SupplyModel.run(s, RandomStreams.forReplication(20260101, i), true);
                int released = checkCapAtEveryRelease(s, r);
                assertTrue(released > 0, "replication " + i + " must release something for the check to bite");
                double[] h = r.series().capHeadroom();
                for (int d = 0; d < h.length; d++) {
                    assertEquals(s.us().capRatio() * r.series().usInWindow()[d] - r.series().chinaInWindow()[d], h[d],
                            1e-6, "headroom is ratio x US - China in the window, day " + d);
                }
            }
        });
    }

    /**
     * Replays the trace: a US shipment or China release made at s counts at t iff s <= t < s + R (every one since the
     * policy start when R = 0). After each release (releases at one instant checked one by one, in order),
     * China <= ratio x US must hold.
     *
     * @return the number of releases checked
     */
    static int checkCapAtEveryRelease(Scenario s, SupplyResult r) {
        int rolling = s.us().capRollingDays();
        List<double[]> us = new ArrayList<>();
        List<double[]> china = new ArrayList<>();
        int checked = 0;
        for (TraceEvent e : r.trace()) {
            if (e.kind() == TraceEvent.Kind.US_SHIPPED) {
                us.add(new double[] {e.time(), e.units()});
            } else if (e.kind() == TraceEvent.Kind.MOVED && e.from() == Stage.CAP) {
                china.add(new double[] {e.time(), e.units()});
                double t = e.time();
                double u = inWindow(us, t, rolling);
                double c = inWindow(china, t, rolling);
                assertTrue(c <= s.us().capRatio() * u + 1e-6, "cap broken at day " + t + ": China " + c + " > "
                        + s.us().capRatio() + " x US " + u);
                checked++;
            }
        }
        return checked;
    }

    private static double inWindow(List<double[]> made, double t, int rolling) {
        double sum = 0;
        for (double[] m : made) {
            if (m[0] <= t && (rolling == 0 || m[0] + rolling > t)) {
                sum += m[1];
            }
        }
        return sum;
    }

    /**
     * The windows are counted even with no cap (ratio infinite), R = 6: firm A's 10 units are released at day 0 and
     * count in (t - 6, t] until day 6; US shipments of 10 at days 7, 14, ..., 84 (12 of them, the next would be at 91)
     * each count until 6 days later. End of day d is the instant just before d + 1.
     * <pre>
     * China in window: end of day 5 (before 6) 10; end of day 6 (before 7) 0
     * US in window:    end of day 6 0; end of day 7 10 (US@7); end of day 12 10; end of day 13 (US@7 left at 13) 0;
     *                  end of day 89 10 (US@84); at the horizon 90, US@84 leaves: 0
     * </pre>
     */
    @Test
    void windowsAreCountedWithoutACapAndAtTheHorizon() {
        Scenario s = base().usUnitsPerWeek(10).capRollingDays(6).firms(List.of(firm("A", 0, 0, 10))).build();
        SupplyResult r = Hand.run(s);
        double[] china = r.series().chinaInWindow();
        double[] us = r.series().usInWindow();
        assertEquals(10, china[5]);
        assertEquals(0, china[6]);
        assertEquals(0, us[6]);
        assertEquals(10, us[7]);
        assertEquals(10, us[12]);
        assertEquals(0, us[13]);
        assertEquals(10, us[89]);
        assertEquals(120, r.series().usShipped()[89]);
        assertEquals(12, Hand.kind(r, TraceEvent.Kind.US_SHIPPED).size());
        assertEquals(0, r.system().usShipped());
        assertEquals(0, r.system().chinaShipped());
    }

    /** cap.usUnitsPerWeek = 0: no US shipment is ever recorded (not one of 0 units a week). */
    @Test
    void noUsShipmentsWhenThereAreNone() {
        Scenario s = base().capRatio(1).usUnitsPerWeek(0).capRollingDays(6).firms(List.of(firm("A", 0, 0, 10)))
                .build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of(), Hand.kind(r, TraceEvent.Kind.US_SHIPPED));
        assertEquals(List.of(), releases(r));
    }
}
