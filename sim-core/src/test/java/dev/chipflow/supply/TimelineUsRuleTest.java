package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.day;
import static dev.chipflow.supply.Hand.kind;
import static dev.chipflow.supply.Hand.moves;
import static dev.chipflow.supply.Hand.releases;
import static dev.chipflow.supply.Hand.timesAndUnits;
import static dev.chipflow.supply.RuleFixtures.days;
import static dev.chipflow.supply.RuleFixtures.frictionless;
import static dev.chipflow.supply.RuleFixtures.grants;
import static dev.chipflow.supply.RuleFixtures.licensedByDay;
import static dev.chipflow.supply.RuleFixtures.movedByDay;
import static dev.chipflow.supply.RuleFixtures.tenDayReview;
import static dev.chipflow.supply.RuleFixtures.waitingAtLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The US side of a policy timeline (MidRun's text for each knob): a change dated D acts from the start of day D,
 * before any other event of that day, and undoes nothing done before D.
 *
 * <ul>
 * <li>{@code cap.ratio}: every release from D is checked against the new ratio over the same (cumulative) window;
 * lower holds what waits, higher releases it at D.</li>
 * <li>{@code cap.usUnitsPerWeek}: US shipments from D carry the new volume on the same weekly days (the first 7 days
 * after {@code licence.policyStart}); from 0, the first one is the next weekly day on or after D.</li>
 * <li>{@code licence.perFirmCap}, {@code licence.totalCeiling}: checked for units passing from D; room that opens is
 * taken at D, firms in scenario order; a lower limit holds what waits and revokes nothing.</li>
 * <li>{@code licence.approvalProbability}: decisions from D use it; a licence refused for good at probability 0 is
 * resubmitted at D when it turns positive; a granted licence stays granted.</li>
 * <li>{@code licence.reviewDays}: reviews started from D take the new time; one under way finishes as drawn.</li>
 * </ul>
 *
 * <p>Cap scenarios use {@link Hand#base()} (one shipment per order, zero-time lab with unlimited lines): a release
 * is a CAP -> LAB_QUEUE move. Limit and licence scenarios use {@link RuleFixtures#frictionless()} (shipments of 1,000,
 * no delays) with ample inventory. Every delay is fixed, so every instant is a whole day. Runs use seed 1 and the full
 * trace, and read MOVED events per day.
 */
class TimelineUsRuleTest {

    private static List<String> usShipments(SupplyResult r) {
        return timesAndUnits(Hand.select(r, e -> e.kind() == TraceEvent.Kind.US_SHIPPED && e.units() > 0));
    }

    // ---------------------------------------------------------------------------------------------- cap.ratio

    /**
     * Lowered from D. Policy from day 0; ratio 0.5; 100 US units a week (days 7, 14, 21, ...), cumulative window.
     * Firm A orders 10 units on day 0 and 150 on day 24 (one shipment each); the licence is granted on day 0, so each
     * reaches the cap the day it is ordered. cap.ratio = 0.25 from 2026-01-27 (day 26).
     *
     * <pre>
     * day 7:  room 0.5 x 100 - 0 = 50 >= 10                      -> 10 leave
     * day 24: room 0.5 x 300 - 10 = 140 < 150                    -> waits
     * day 26: ratio 0.25: room 0.25 x 300 - 10 = 65              -> still waits (held, nothing revoked)
     * day 28: 0.25 x 400 - 10 = 90; 35: 115; 42: 140              -> waits
     * day 49: 0.25 x 700 - 10 = 165 >= 150                        -> 150 leave
     * </pre>
     * Without the change the 150 leave on day 28 (room 0.5 x 400 - 10 = 190). The 10 released on day 7 stay released
     * and count in the window: headroom at the end of day 25 is 0.5 x 300 - 10 = 140, at the end of day 26
     * 0.25 x 300 - 10 = 65, at the end of day 49 0.25 x 700 - 160 = 15.
     */
    @Test
    void aLowerRatioFromDHoldsTheShipmentsWaiting() {
        Scenario.Builder b = base().capRatio(0.5).usUnitsPerWeek(100)
                .firms(List.of(Hand.firm("A", 0, 0, 10, 24, 150)));
        assertEquals(List.of("7.0:10", "28.0:150"), releases(Hand.run(b.build())), "no change");

        SupplyResult r = Hand.run(b.change(day(26), "cap.ratio", "0.25").build());
        assertEquals(List.of("7.0:10", "49.0:150"), releases(r));
        double[] headroom = r.series().capHeadroom();
        assertEquals(140, headroom[25]);
        assertEquals(65, headroom[26]);
        assertEquals(15, headroom[49]);
        assertEquals(160, r.system().chinaShipped());
    }

    /**
     * Raised from D. The same firm, ratio 0.25 from the start: 10 leave on day 7 (room 25); the 150 ordered on day 24
     * wait (room 0.25 x 300 - 10 = 65; on day 28, 90). cap.ratio = 0.5 (or unlimited) from 2026-01-31 (day 30), not a
     * US shipment day: the waiting shipment is looked at again at D, room 0.5 x 400 - 10 = 190 >= 150, so the 150 leave
     * on day 30. Without the change they leave on day 49 (0.25 x 700 - 10 = 165). Headroom at the end of day 29:
     * 0.25 x 400 - 10 = 90; at the end of day 30: 0.5 x 400 - 160 = 40 (infinite without a cap).
     */
    @ParameterizedTest(name = "cap.ratio -> {0}")
    @CsvSource({"0.5, 40", "unlimited, Infinity"})
    void aHigherRatioFromDReleasesTheWaitingShipmentsAtD(String ratio, double headroomDay30) {
        Scenario.Builder b = base().capRatio(0.25).usUnitsPerWeek(100)
                .firms(List.of(Hand.firm("A", 0, 0, 10, 24, 150)));
        assertEquals(List.of("7.0:10", "49.0:150"), releases(Hand.run(b.build())), "no change");

        SupplyResult r = Hand.run(b.change(day(30), "cap.ratio", ratio).build());
        assertEquals(List.of("7.0:10", "30.0:150"), releases(r));
        assertEquals(90, r.series().capHeadroom()[29]);
        assertEquals(headroomDay30, r.series().capHeadroom()[30]);
    }

    /**
     * cap.split off, on from 2026-01-11 (day 10). Ratio 0.5, 100 US units a week; A orders 80 on day 0. Day 7: room 50
     * is short of 80, and no split: it waits. Day 10: splits are allowed, the waiting shipment is looked at again: 50 leave, 30
     * stay at the head. Day 14: room 100 - 50 = 50 >= 30: the 30 leave. Without the change the 80 leave whole on
     * day 14.
     */
    @Test
    void splittingFromDReleasesThePartThatFitsAtD() {
        Scenario.Builder b = base().capRatio(0.5).usUnitsPerWeek(100).capSplit(false)
                .firms(List.of(Hand.firm("A", 0, 0, 80)));
        assertEquals(List.of("14.0:80"), releases(Hand.run(b.build())), "no change");
        SupplyResult r = Hand.run(b.change(day(10), "cap.split", "true").build());
        assertEquals(List.of("10.0:50", "14.0:30"), releases(r));
    }

    // --------------------------------------------------------------------------------------- cap.usUnitsPerWeek

    /**
     * The weekly volume changes, the weekly days do not. Policy from day 0; ratio 0.5; 100 US units a week on days 7,
     * 14, ..., 84 (12 shipments in days [0, 90)); A orders 200 on day 0. cap.usUnitsPerWeek = 300 from D.
     *
     * <pre>
     * D = day 16 (2026-01-17): US 7:100, 14:100, 21:300, ..., 84:300 (10 of 300): 3,200 in all
     *          day 7 room 50, day 14 room 100, day 21 room 0.5 x 500 = 250 >= 200  -> release on day 21
     * D = day 14 (2026-01-15), itself a weekly day: the change acts before that day's US shipment
     *          US 7:100, 14:300, ..., 84:300 (11 of 300): 3,400
     *          day 14 room 0.5 x 400 = 200 >= 200                                  -> release on day 14
     * no change: day 28 room 0.5 x 400 = 200                                      -> release on day 28
     * </pre>
     */
    @ParameterizedTest(name = "usUnitsPerWeek 300 from day {0}")
    @CsvSource({"16, 21, 3200", "14, 14, 3400"})
    void aNewWeeklyVolumeFromDKeepsTheWeeklyDays(int d, double released, long usTotal) {
        Scenario.Builder b = base().capRatio(0.5).usUnitsPerWeek(100).firms(List.of(Hand.firm("A", 0, 0, 200)));
        assertEquals(List.of("28.0:200"), releases(Hand.run(b.build())), "no change");

        SupplyResult r = Hand.run(b.change(day(d), "cap.usUnitsPerWeek", "300").build());
        assertEquals(List.of(released + ":200"), releases(r));
        List<String> us = usShipments(r);
        assertEquals(12, us.size());
        assertEquals("7.0:100", us.get(0));
        assertEquals(d <= 14 ? "14.0:300" : "14.0:100", us.get(1));
        assertEquals("21.0:300", us.get(2));
        assertEquals("84.0:300", us.get(11));
        assertEquals(usTotal, r.system().usShipped());
    }

    /**
     * From 0 to 100 a week. Policy from 2026-01-04 (day 3), so the weekly days are 10, 17, 24, ...; ratio 0.5;
     * A orders 50 on day 0; its licence review (0 days) starts at the policy, so the 50 reach the cap on day 3 and
     * wait: with no US shipment there is no room. The first US shipment is the first weekly day on or after D, and the
     * 50 leave then (room 0.5 x 100 = 50):
     * <pre>
     * D = day 5  -> first US on day 10       D = day 12 -> day 17
     * D = day 17 -> day 17 (D itself)         D = day 18 -> day 24
     * </pre>
     * US shipments then run weekly to day 87, the last weekly day before the horizon (day 90).
     */
    @ParameterizedTest(name = "from 0 to 100 on day {0}: first US on day {1}")
    @CsvSource({"5, 10", "12, 17", "17, 17", "18, 24"})
    void fromZeroTheFirstUsShipmentIsTheNextWeeklyDayOnOrAfterD(int d, int first) {
        Scenario.Builder b = base().licencePolicyStart(day(3)).capRatio(0.5).usUnitsPerWeek(0)
                .firms(List.of(Hand.firm("A", 0, 0, 50)));
        SupplyResult none = Hand.run(b.build());
        assertEquals(List.of(), releases(none), "no change: no US shipment, no room");
        assertEquals(List.of(), kind(none, TraceEvent.Kind.US_SHIPPED));

        SupplyResult r = Hand.run(b.change(day(d), "cap.usUnitsPerWeek", "100").build());
        assertEquals(List.of("3.0:50"), timesAndUnits(moves(r, Stage.LICENCE, Stage.CAP)));
        assertEquals(List.of((double) first + ":50"), releases(r));
        List<String> us = usShipments(r);
        assertEquals((double) first + ":100", us.get(0));
        assertEquals("87.0:100", us.get(us.size() - 1));
        assertEquals((87 - first) / 7 + 1, us.size());
    }

    /**
     * Down to 0 and up again: the weekly days stay those of the policy start. Policy from day 0; ratio 0.5; 100 a week;
     * 0 from day 10, 100 again from day 30. US units: 100 on day 7, nothing on 14, 21, 28, then 100 on 35, 42, ...,
     * 84 (8 shipments): 900 in all. A orders 50 on day 0 (leaves day 7, room 50) and 60 on day 20: room
     * 0.5 x 100 - 50 = 0 until day 35 (50 < 60), day 42 room 0.5 x 300 - 50 = 100 -> leaves on day 42. Cumulative US
     * at the end of day 34: 100; of day 35: 200.
     */
    @Test
    void aWeeklyVolumeOfZeroShipsNothingAndTheOldWeeklyDaysResume() {
        Scenario s = base().capRatio(0.5).usUnitsPerWeek(100).firms(List.of(Hand.firm("A", 0, 0, 50, 20, 60)))
                .change(day(10), "cap.usUnitsPerWeek", "0").change(day(30), "cap.usUnitsPerWeek", "100").build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("7.0:100", "35.0:100", "42.0:100", "49.0:100", "56.0:100", "63.0:100", "70.0:100",
                "77.0:100", "84.0:100"), usShipments(r));
        assertEquals(List.of("7.0:50", "42.0:60"), releases(r));
        assertEquals(100, r.series().usShipped()[34]);
        assertEquals(200, r.series().usShipped()[35]);
        assertEquals(900, r.system().usShipped());
    }

    // ------------------------------------------------------------------------------ licence.perFirmCap / ceiling

    private static Scenario.Builder limits() {
        return frictionless().inventoryUnits(1_000_000);
    }

    private static SortedMap<Integer, Long> passed(SupplyResult r, int firm) {
        return movedByDay(r, firm, Stage.LICENCE_LIMIT, Stage.ALLOCATION);
    }

    /**
     * Raised per-firm cap. Cap 2,500; F orders 4,000 on 2026-01-02 (day 1), four shipments of 1,000. Day 1: 1,000 +
     * 1,000 + 500 (split) pass, 1,500 wait. Cap 3,000 from 2026-01-11 (day 10): 500 pass on day 10. Unlimited from
     * 2026-01-21 (day 20): the last 1,000 pass on day 20. All 4,000 are delivered; none waits at the limit.
     */
    @Test
    void aHigherPerFirmCapLetsTheWaitingUnitsThroughAtD() {
        Scenario s = limits().licencePerFirmCap(2_500).firms(List.of(RuleFixtures.firm("F", 0, "2026-01-02", 4_000)))
                .change(day(10), "licence.perFirmCap", "3000").change(day(20), "licence.perFirmCap", "unlimited")
                .build();
        SupplyResult r = Hand.run(s);
        assertEquals(days(1, 2_500, 10, 500, 20, 1_000), passed(r, 0));
        assertEquals(4_000, r.firm("F").delivered());
        assertEquals(0, waitingAtLimit(r, "F"));
    }

    /**
     * Lowered per-firm cap. Cap 3,500; F orders 2,000 on day 1 (all pass) and 1,500 on 2026-01-16 (day 15). Cap 1,000
     * from day 10: the 2,000 already through stay licensed and are delivered (nothing is revoked); the 1,500 of day 15
     * find 2,000 reserved against a cap of 1,000 and all wait. Cap 2,500 from day 20: 500 pass on day 20 (split), 1,000
     * wait to the end. Delivered 2,500. Without the changes all 3,500 would pass (days 1 and 15).
     */
    @Test
    void aLowerPerFirmCapHoldsWhatWaitsAndRevokesNothing() {
        Scenario.Builder b = limits().licencePerFirmCap(3_500)
                .firms(List.of(RuleFixtures.firm("F", 0, "2026-01-02", 2_000, "2026-01-16", 1_500)));
        assertEquals(days(1, 2_000, 15, 1_500), passed(Hand.run(b.build()), 0), "no change");

        SupplyResult r = Hand.run(b.change(day(10), "licence.perFirmCap", "1000")
                .change(day(20), "licence.perFirmCap", "2500").build());
        assertEquals(days(1, 2_000, 20, 500), passed(r, 0));
        assertEquals(days(1, 2_000, 20, 500), movedByDay(r, 0, Stage.LICENCE, Stage.CAP));
        assertEquals(2_500, r.firm("F").delivered());
        assertEquals(1_000, waitingAtLimit(r, "F"));
    }

    /**
     * Total ceiling, both ways. Ceiling 2,000; A is listed first, B second. B orders 2,000 on 2026-01-02 (day 1) and
     * 1,000 on day 2; A orders 1,000 on day 3 and 500 on 2026-01-26 (day 25).
     * <pre>
     * day 1:  B's 2,000 pass; no room left
     * day 2:  B's 1,000 wait; day 3: A's 1,000 wait
     * day 10: ceiling 3,500, room 1,500, firms in scenario order: A's 1,000, then 500 of B's (split)
     * day 20: ceiling 1,000, below the 3,500 reserved: nothing revoked, B's last 500 keep waiting
     * day 25: A's 500 wait
     * </pre>
     * First come first served at D would give B (waiting since day 2) its 1,000 and A only 500. Delivered: A 1,000,
     * B 2,500; waiting at the limit: 500 each.
     */
    @Test
    void aHigherCeilingLetsWaitingUnitsThroughInScenarioOrderALowerOneHoldsWhatWaits() {
        Scenario s = limits().licenceTotalCeiling(2_000)
                .firms(List.of(RuleFixtures.firm("A", 0, "2026-01-04", 1_000, "2026-01-26", 500),
                        RuleFixtures.firm("B", 0, "2026-01-02", 2_000, "2026-01-03", 1_000)))
                .change(day(10), "licence.totalCeiling", "3500").change(day(20), "licence.totalCeiling", "1000")
                .build();
        SupplyResult r = Hand.run(s);
        assertEquals(days(10, 1_000), passed(r, 0), "A");
        assertEquals(days(1, 2_000, 10, 500), passed(r, 1), "B");
        assertEquals(1_000, r.firm("A").delivered());
        assertEquals(2_500, r.firm("B").delivered());
        assertEquals(500, waitingAtLimit(r, "A"));
        assertEquals(500, waitingAtLimit(r, "B"));
    }

    // ---------------------------------------------------------------------- licence.approvalProbability / reviewDays

    /**
     * A granted licence stays granted. Review 10 days, probability 1; one licence per firm. F orders 1,000 on
     * 2026-01-02 (day 1): review days 1..11, granted on day 11. Probability 0 from 2026-01-21 (day 20). F orders 1,000
     * more on day 30: its licence is granted, so they pass on day 30. G orders 1,000 on day 25: review 25..35, refused
     * at probability 0, for good: G's 1,000 wait in LICENCE to the end. With probability 1 again from 2026-02-20
     * (day 50), G's licence is resubmitted at D and granted on day 60.
     */
    @Test
    void aGrantedLicenceStaysGrantedWhenTheProbabilityFallsToZero() {
        Scenario.Builder b = tenDayReview().firms(List.of(
                RuleFixtures.firm("F", 0, "2026-01-02", 1_000, "2026-01-31", 1_000),
                RuleFixtures.firm("G", 0, "2026-01-26", 1_000)))
                .change(day(20), "licence.approvalProbability", "0");
        SupplyResult r = Hand.run(b.build());
        assertEquals(Map.of(0, List.of(11)), grants(r));
        assertEquals(days(11, 1_000, 30, 1_000), licensedByDay(r, 0), "F");
        assertEquals(days(), licensedByDay(r, 1), "G");
        assertEquals(1_000, r.firm("G").unitsAtEnd()[Stage.LICENCE.ordinal()]);

        SupplyResult again = Hand.run(b.change(day(50), "licence.approvalProbability", "1").build());
        assertEquals(Map.of(0, List.of(11), 1, List.of(60)), grants(again));
        assertEquals(days(11, 1_000, 30, 1_000), licensedByDay(again, 0), "F");
        assertEquals(days(60, 1_000), licensedByDay(again, 1), "G");
    }

    /**
     * Probability 0 at first, 1 from 2026-01-21 (day 20). Review 10 days.
     * <ul>
     * <li>F orders 2,000 on day 1: review 1..11 refuses for good. At day 20 it is resubmitted: a review started at D,
     * 10 days: granted on day 30. With licence.reviewDays = 5 from the same date, the resubmission takes 5: day
     * 25.</li>
     * <li>H orders 1,000 on 2026-01-13 (day 12): review 12..22 is under way at D; it ends as drawn, on day 22, and is
     * decided with the new probability: granted on day 22 in both runs.</li>
     * </ul>
     * Without the change nothing is ever granted.
     */
    @ParameterizedTest(name = "reviewDays from day 20: {0}")
    @CsvSource({"-, 30", "5, 25"})
    void aLicenceRefusedForGoodIsResubmittedAtDWhenTheProbabilityTurnsPositive(String review, int fGranted) {
        Scenario.Builder b = tenDayReview().licenceApprovalProbability(0).firms(List.of(
                RuleFixtures.firm("F", 0, "2026-01-02", 2_000), RuleFixtures.firm("H", 0, "2026-01-13", 1_000)));
        assertEquals(Map.of(), grants(Hand.run(b.build())), "no change");

        b.change(day(20), "licence.approvalProbability", "1");
        if (!review.equals("-")) {
            b.change(day(20), "licence.reviewDays", review);
        }
        SupplyResult r = Hand.run(b.build());
        assertEquals(Map.of(0, List.of(fGranted), 1, List.of(22)), grants(r));
        assertEquals(days(fGranted, 2_000), licensedByDay(r, 0), "F");
        assertEquals(days(22, 1_000), licensedByDay(r, 1), "H");
    }

    /**
     * Review 10 days, 30 from 2026-01-21 (day 20); policy from day 0; one licence per firm.
     * <pre>
     * A orders on day 15: review 15..25 under way at D, finishes as drawn   -> granted day 25
     * B orders on day 20: review starts at D, new time                      -> granted day 50
     * C orders on day 25                                                    -> granted day 55
     * </pre>
     */
    @Test
    void aNewReviewTimeAppliesToReviewsStartedFromDOnly() {
        Scenario s = tenDayReview().firms(List.of(RuleFixtures.firm("A", 0, "2026-01-16", 1_000),
                RuleFixtures.firm("B", 0, "2026-01-21", 1_000), RuleFixtures.firm("C", 0, "2026-01-26", 1_000)))
                .change(day(20), "licence.reviewDays", "30").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(0, List.of(25), 1, List.of(50), 2, List.of(55)), grants(r));
        assertEquals(days(25, 1_000), licensedByDay(r, 0));
        assertEquals(days(50, 1_000), licensedByDay(r, 1));
        assertEquals(days(55, 1_000), licensedByDay(r, 2));
    }

    /**
     * A review starts no earlier than the policy (model.md), so a licence filed before the policy's start has not
     * started its review yet. Policy from 2026-01-11 (day 10); review 10 days, 30 from D = 2026-01-06 (day 5) or from
     * the policy's start itself (day 10; the change acts before the reviews start that day). A orders on day 1, B on
     * day 7: both reviews start at the policy, day 10, not before D, so both take the new 30 days: granted on day 40.
     * (Drawing A's review when it was filed, before D, would grant it on day 20; with D = day 10, B's too.)
     */
    @ParameterizedTest(name = "reviewDays 30 from day {0}")
    @CsvSource({"5", "10"})
    void aReviewWaitingForThePolicyStartHasNotStartedAndTakesTheNewTime(int d) {
        Scenario s = tenDayReview().licencePolicyStart(day(10)).firms(List.of(
                RuleFixtures.firm("A", 0, "2026-01-02", 1_000), RuleFixtures.firm("B", 0, "2026-01-08", 1_000)))
                .change(day(d), "licence.reviewDays", "30").build();
        SupplyResult r = Hand.run(s);
        assertEquals(Map.of(0, List.of(40), 1, List.of(40)), grants(r));
        assertEquals(days(40, 1_000), licensedByDay(r, 0));
        assertEquals(days(40, 1_000), licensedByDay(r, 1));
    }
}
