package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.day;
import static dev.chipflow.supply.Hand.firm;
import static dev.chipflow.supply.Hand.moves;
import static dev.chipflow.supply.Hand.releases;
import static dev.chipflow.supply.Hand.timesAndUnits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cap of {@link CapLedger} under the cumulative window: a release of u units at t is allowed iff
 * China(W) + u <= cap.ratio x US(W), W = [policy start, t]; US end users get cap.usUnitsPerWeek once a week, the
 * first 7 days after licence.policyStart; licensed shipments leave in order; cap.split releases the part that fits,
 * exact to the unit. Every other stage is out of the way ({@link Hand#base()}), so a shipment reaches the cap at the
 * instant its licence is granted and leaves the cap for the lab queue, which is the release recorded in the trace.
 */
class CapRuleTest {

    /**
     * Policy start 2026-01-15 = day 14; ratio 0.5; 100 US units a week. One order of 120 units on day 0, cut into
     * three shipments of 40. Licence review takes 0 days from the policy start, so the three reach the cap at day 14.
     *
     * <pre>
     * US shipments: 100 at 21, 28, 35, ... 84 (the first one 7 days after day 14; 91 is past the horizon, day 90)
     * day 14: US 0,   room 0                 -> nothing
     * day 21: US 100, room 50 - 0   = 50 >= 40 -> shipment 1; room 10 < 40
     * day 28: US 200, room 100 - 40 = 60 >= 40 -> shipment 2; room 20 < 40
     * day 35: US 300, room 150 - 80 = 70 >= 40 -> shipment 3
     * </pre>
     * Releases: 21:40, 28:40, 35:40. If US were counted daily (100/7 a day from day 14) shipment 1 would leave on day
     * 20 (room 6 x 50/7 = 42.9); if the US stream started on day 0 (first at day 7), two shipments would leave on day
     * 14 (room 0.5 x 200 = 100). At the end: US 10 x 100 = 1000, China 120, headroom 500 - 120 = 380.
     */
    @Test
    void usShipmentsArriveWeeklyFromSevenDaysAfterThePolicyStart() {
        Scenario s = base().licencePolicyStart(LocalDate.of(2026, 1, 15)).capRatio(0.5).usUnitsPerWeek(100)
                .shipmentUnits(40).firms(List.of(firm("A", 0, 0, 120))).build();
        SupplyResult r = Hand.run(s);

        assertEquals(List.of("14.0:40", "14.0:40", "14.0:40"), timesAndUnits(moves(r, Stage.LICENCE, Stage.CAP)));
        assertEquals(List.of("21.0:40", "28.0:40", "35.0:40"), releases(r));
        assertEquals(List.of("21.0:100", "28.0:100", "35.0:100", "42.0:100", "49.0:100", "56.0:100", "63.0:100",
                "70.0:100", "77.0:100", "84.0:100"), timesAndUnits(Hand.kind(r, TraceEvent.Kind.US_SHIPPED)));
        assertEquals(1000, r.system().usShipped());
        assertEquals(120, r.system().chinaShipped());
        assertEquals(380, r.system().capHeadroomEnd());
        // Day index d is the end of day d: nothing counted up to the end of day 20; 100 US and 40 China on day 21.
        DailySeries d = r.series();
        assertEquals(0, d.usShipped()[20]);
        assertEquals(0, d.capHeadroom()[20]);
        assertEquals(100, d.usShipped()[21]);
        assertEquals(40, d.chinaShipped()[21]);
        assertEquals(10, d.capHeadroom()[21]);
        TraceReplay.check(s, r);
    }

    /**
     * Cumulative window: every US shipment since the policy start keeps counting. Policy start day 0; ratio 0.5;
     * 100 US units a week (days 7, 14, ...). Orders: 10 units on day 0, 250 units on day 60 (2026-03-02).
     *
     * <pre>
     * day 7:  room 50 - 0 >= 10                                        -> 10 leave at day 7
     * day 60: US = 8 shipments (7 ... 56) = 800, room 400 - 10 = 390 >= 250  -> 250 leave at day 60
     * </pre>
     * A 30-day window would hold only 35, 42, 49, 56 (room 200 - 10 = 190 < 250) and keep the 250 waiting.
     */
    @Test
    void cumulativeWindowCountsEveryUsShipmentSinceThePolicyStart() {
        Scenario s = base().capRatio(0.5).usUnitsPerWeek(100).firms(List.of(firm("A", 0, 0, 10, 60, 250))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("7.0:10", "60.0:250"), releases(r));
        assertEquals(800, r.series().usInWindow()[59]);
        assertEquals(260, r.series().chinaInWindow()[60]);
        assertEquals(0.5 * 800 - 260, r.series().capHeadroom()[60]);
        TraceReplay.check(s, r);
    }

    /**
     * Licensed shipments wait in order. Policy start day 0; ratio 0.5; 100 US a week. Two orders on day 0 of 80 then
     * 10 units reach the cap together, 80 first.
     *
     * <pre>
     * split off: day 7:  room 50: 80 does not fit, and 10 (which would) waits behind it
     *            day 14: room 100 -> 80 (room 20) -> 10                 releases 14:80, 14:10
     * split on:  day 7:  room 50: 50 of the 80 leave, 30 stay at the head
     *            day 14: room 100 - 50 = 50 -> 30 (room 20) -> 10       releases 7:50, 14:30, 14:10
     * </pre>
     */
    @Test
    void shipmentsWaitInOrderAndSplitOnlyWhenAllowed() {
        Scenario whole = base().capRatio(0.5).usUnitsPerWeek(100).firms(List.of(firm("A", 0, 0, 80, 0, 10)))
                .build();
        SupplyResult r = Hand.run(whole);
        assertEquals(List.of("14.0:80", "14.0:10"), releases(r));
        assertEquals(List.of(), Hand.kind(r, TraceEvent.Kind.SPLIT), "split off: a shipment leaves whole");
        TraceReplay.check(whole, r);

        Scenario split = whole.toBuilder().capSplit(true).build();
        SupplyResult q = Hand.run(split);
        assertEquals(List.of("7.0:50", "14.0:30", "14.0:10"), releases(q));
        TraceReplay.check(split, q);
    }

    /**
     * The split is exact to the unit, and so is the comparison: 0.29 x 100 is 28.999999999999996 in binary, yet the
     * rule's room is 29 units. Ratio 0.29, 100 US a week from day 7, split on, one shipment of 60:
     * <pre>
     * day 7:  room 29            -> 29 leave (not 28)
     * day 14: room 58 - 29 = 29  -> 29 leave; 2 left
     * day 21: room 87 - 58 = 29  -> 2 leave
     * </pre>
     * With ratio 0.35 and 101 US a week (room 35.35 at day 7) the split takes floor(35.35) = 35; shipments 80 and 10:
     * <pre>
     * day 7:  room 35.35            -> 35 of the 80
     * day 14: room 70.7 - 35 = 35.7 -> 35 of the 45 left; 10 left
     * day 21: room 106.05 - 70 = 36.05 -> the last 10 whole, then the 10-unit shipment (room 26.05)
     * </pre>
     */
    @Test
    void splitReleasesExactlyTheWholeUnitsThatFit() {
        Scenario s = base().capRatio(0.29).usUnitsPerWeek(100).capSplit(true)
                .firms(List.of(firm("A", 0, 0, 60))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("7.0:29", "14.0:29", "21.0:2"), releases(r));
        TraceReplay.check(s, r);

        Scenario t = base().capRatio(0.35).usUnitsPerWeek(101).capSplit(true)
                .firms(List.of(firm("A", 0, 0, 80, 0, 10))).build();
        SupplyResult q = Hand.run(t);
        assertEquals(List.of("7.0:35", "14.0:35", "21.0:10", "21.0:10"), releases(q));
        TraceReplay.check(t, q);
    }

    /**
     * The 29-unit shipment without a split: it fits the 0.29 x 100 room exactly, so it leaves at the first US
     * shipment (day 7), not a week later.
     */
    @Test
    void aShipmentThatExactlyFillsTheRoomLeaves() {
        Scenario s = base().capRatio(0.29).usUnitsPerWeek(100).firms(List.of(firm("A", 0, 0, 29, 0, 29))).build();
        SupplyResult r = Hand.run(s);
        // day 7: 29 <= 29 -> first; room 0. day 14: room 58 - 29 = 29 -> second.
        assertEquals(List.of("7.0:29", "14.0:29"), releases(r));
    }

    /**
     * Binding share: the time a shipment waited at the cap over the time since the policy start. Horizon
     * 2026-01-31 (the run is [0, 31)); policy start day 14; ratio 0.5; 100 US a week at 21 and 28. Orders of 40 units
     * on day 0 and on day 24 (2026-01-25), one approval of 80 on day 0.
     *
     * <pre>
     * first 40:  at the cap from 14 (licence from the policy start); room 50 at 21 -> leaves 21; waited [14, 21)
     * second 40: at the cap at 24 (licence already granted); room 50 - 40 = 10 -> waits;
     *            room 100 - 40 = 60 at 28 -> leaves 28; waited [24, 28)
     * binding = 7 + 4 = 11 days of 31 - 14 = 17  ->  11/17
     * </pre>
     * Measured from day 0 it would be 11/31.
     */
    @Test
    void bindingShareIsTheTimeAShipmentWaitedOverTheTimeSinceThePolicyStart() {
        Scenario s = base().horizonEnd(LocalDate.of(2026, 1, 31)).licencePolicyStart(day(14)).capRatio(0.5)
                .usUnitsPerWeek(100).firms(List.of(firm("A", 0, 0, 40, 24, 40))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("21.0:40", "28.0:40"), releases(r));
        assertEquals(11.0 / 17.0, r.system().capBindingShare(), 1e-12);
    }

    /**
     * The tolerance: a release within 1e-6 of ratio x US fits. Ratio 0.999999, 1 US unit a week from day 7: at day 7
     * ratio x US = 0.999999 and 0 + 1 <= 0.999999 + 1e-6 = 1 (exactly 1.0 in double), so one unit leaves at day 7.
     * With cap.split on, it is split off a 5-unit shipment; with it off, a 1-unit shipment leaves whole. (Without the
     * tolerance, or treating room 1 as "less than one unit", nothing would leave before day 21, when
     * 0.999999 x 3 - 1 = 1.999997.)
     */
    @Test
    void aReleaseWithinTheToleranceFits() {
        Scenario.Builder b = base().capRatio(0.999999).usUnitsPerWeek(1).capRollingDays(0);
        SupplyResult split = Hand.run(b.capSplit(true).firms(List.of(firm("A", 0, 0, 5))).build());
        assertEquals("7.0:1", releases(split).get(0));
        SupplyResult whole = Hand.run(b.capSplit(false).shipmentUnits(1).firms(List.of(firm("A", 0, 0, 2))).build());
        assertEquals("7.0:1", releases(whole).get(0));
    }
}
