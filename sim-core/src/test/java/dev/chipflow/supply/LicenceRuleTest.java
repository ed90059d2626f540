package dev.chipflow.supply;

import static dev.chipflow.supply.RuleFixtures.d;
import static dev.chipflow.supply.RuleFixtures.days;
import static dev.chipflow.supply.RuleFixtures.firm;
import static dev.chipflow.supply.RuleFixtures.frictionless;
import static dev.chipflow.supply.RuleFixtures.grants;
import static dev.chipflow.supply.RuleFixtures.licensedByDay;
import static dev.chipflow.supply.RuleFixtures.movedByDay;
import static dev.chipflow.supply.RuleFixtures.run;
import static dev.chipflow.supply.RuleFixtures.tenDayReview;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.Bernoulli;
import dev.chipflow.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The US licence (LicenceOffice's Javadoc): one per firm or per order ({@code licence.scope}), applied for with the
 * first purchase order it covers, reviewed from then but not before {@code licence.policyStart}, for
 * {@code licence.reviewDays}; granted with {@code licence.approvalProbability}, a refusal resubmitted for a new review,
 * never granted at probability 0. Allocated units wait in LICENCE and move LICENCE -> CAP when their licence is
 * granted (at once if it already is). Review is Fixed(10) days; inventory covers every order, so a purchase order on
 * day t is allocated on day t; grants are read from the trace (LICENCE_GRANTED, keyed by firm or order index).
 */
class LicenceRuleTest {

    /**
     * Policy from 2026-02-01 (day 31). Before orders 5,000 on 2026-01-05 (day 4): allocated day 4, its review waits for
     * the policy and runs days 31..41: granted day 41 (2026-02-11). After orders 5,000 on 2026-03-01 (day 59), past the
     * policy's start: reviewed from its purchase order, granted day 69 (2026-03-11). Starting the review at the
     * purchase order would grant Before on day 14; starting every review at the policy would grant After on day 41.
     */
    @Test
    void reviewStartsAtTheFirstPurchaseOrderButNotBeforeThePolicy() {
        Scenario s = tenDayReview().licencePolicyStart(d("2026-02-01"))
                .firms(List.of(firm("Before", 0, "2026-01-05", 5_000), firm("After", 0, "2026-03-01", 5_000)))
                .build();
        SupplyResult r = run(s);
        assertEquals(Map.of(0, List.of(41), 1, List.of(69)), grants(r));
        assertEquals(days(4, 5_000), movedByDay(r, 0, Stage.ALLOCATION, Stage.LICENCE));
        assertEquals(days(41, 5_000), licensedByDay(r, 0));
        assertEquals(days(59, 5_000), movedByDay(r, 1, Stage.ALLOCATION, Stage.LICENCE));
        assertEquals(days(69, 5_000), licensedByDay(r, 1));
        assertEquals(10_000, r.deliveredTotal());
    }

    /**
     * Scope. F orders 3,000 on 2026-01-05 (day 4), 2,000 on 2026-01-09 (day 8), 1,000 on 2026-01-20 (day 19); G orders
     * 1,000 on 2026-01-10 (day 9). Policy from day 0.
     *
     * <pre>
     * FIRM   F's licence filed day 4, granted 14: day 4's 3,000 and day 8's 2,000 (filed during the review, no new
     *        review) pass on day 14; day 19's 1,000 passes at once on day 19. G: filed 9, granted 19.
     * ORDER  orders numbered F0, F1, F2, G3: granted 14, 18, 29, 19; F passes 3,000 on 14, 2,000 on 18, 1,000 on 29.
     * </pre>
     */
    @Test
    void aFirmLicenceCoversEveryLaterOrderAndAnOrderLicenceOnlyItsOwn() {
        Scenario.Builder b = tenDayReview().firms(List.of(
                firm("F", 0, "2026-01-05", 3_000, "2026-01-09", 2_000, "2026-01-20", 1_000),
                firm("G", 0, "2026-01-10", 1_000)));
        SupplyResult firm = run(b.licenceScope(LicenceScope.FIRM).build());
        assertEquals(Map.of(0, List.of(14), 1, List.of(19)), grants(firm));
        assertEquals(days(14, 5_000, 19, 1_000), licensedByDay(firm, 0), "F, one licence");
        assertEquals(days(19, 1_000), licensedByDay(firm, 1), "G");
        SupplyResult order = run(b.licenceScope(LicenceScope.ORDER).build());
        assertEquals(Map.of(0, List.of(14), 1, List.of(18), 2, List.of(29), 3, List.of(19)), grants(order));
        assertEquals(days(14, 3_000, 18, 2_000, 29, 1_000), licensedByDay(order, 0), "F, a licence per order");
        assertEquals(days(19, 1_000), licensedByDay(order, 1), "G");
    }

    /**
     * Probability 0.5, refusals resubmitted. One firm orders 1,000 on each of 2026-01-01..2026-01-10 (days 0..9), one
     * licence per order (key i = the order of day i); horizon 2026-12-31. Review k of order i ends on day i + 10 k, so
     * every grant is a whole number k >= 1 of reviews after day i, and no two reviews end on the same day (their days
     * differ modulo 10): the review ending on day t >= 10 is order (t mod 10)'s while it is not yet granted, and the
     * decision stream is drawn once per review in that order. Replaying that with the same seed gives each order's
     * grant day exactly. If refusals were not resubmitted, the orders refused once would never be licensed.
     */
    @Test
    void refusedLicencesAreReviewedAgainUntilGrantedAWholeNumberOfReviewsLater() {
        List<Object> orders = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            orders.add(String.format("2026-01-%02d", i));
            orders.add(1_000);
        }
        long seed = 1;
        Scenario s = tenDayReview().licenceScope(LicenceScope.ORDER).licenceApprovalProbability(0.5)
                .horizonEnd(d("2026-12-31")).firms(List.of(firm("F", 0, orders.toArray()))).build();
        SupplyResult r = run(s, seed);
        SortedMap<Integer, List<Integer>> grants = grants(r);
        assertEquals(10, grants.size(), "every order licensed: " + grants);
        int resubmitted = 0;
        for (int i = 0; i < 10; i++) {
            assertEquals(1, grants.get(i).size(), "one grant for order " + i);
            int t = grants.get(i).get(0);
            assertTrue(t >= i + 10 && (t - i) % 10 == 0, "order " + i + " granted on day " + t
                    + ", not a whole number of 10-day reviews after day " + i);
            resubmitted += (t - i) / 10 > 1 ? 1 : 0;
            assertEquals(days(t, 1_000), licensedByDay(r, 0).subMap(t, t + 1), "order " + i + "'s units");
        }
        assertTrue(resubmitted > 0, "the seed must give at least one refusal for the case to mean anything");
        assertEquals(10_000, r.firm("F").licensed());
        // The exact days, replayed from the decision stream alone.
        Bernoulli coin = new Bernoulli(0.5, RandomStreams.of(seed).stream(SupplyModel.STREAM_LICENCE_DECISION));
        int[] expected = new int[10];
        for (int t = 10, left = 10; left > 0; t++) {
            if (expected[t % 10] == 0 && coin.trial()) {
                expected[t % 10] = t;
                left--;
            }
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(List.of(expected[i]), grants.get(i), "order " + i);
        }
    }

    /**
     * Probability 0: the review of F's licence (2,000 ordered on 2026-01-02, day 1) ends on day 11 with a refusal and
     * is never resubmitted; nothing is granted; the 2,000 allocated on day 1 wait in LICENCE to the end.
     */
    @Test
    void probabilityZeroNeverGrants() {
        Scenario s = tenDayReview().licenceApprovalProbability(0)
                .firms(List.of(firm("F", 0, "2026-01-02", 2_000))).build();
        SupplyResult r = run(s);
        assertEquals(Map.of(), grants(r));
        assertEquals(2_000, r.firm("F").allocated());
        assertEquals(0, r.firm("F").licensed());
        assertEquals(2_000, r.firm("F").unitsAtEnd()[Stage.LICENCE.ordinal()]);
        assertEquals(0, r.deliveredTotal());
    }

    /**
     * Probability 0 with an instant review (0 days): the one review on day 1 refuses and the licence is never looked
     * at again, so the run ends normally (a refusal resubmitted 0 days later would review again at the same instant
     * without end). Nothing is granted; the 2,000 units wait in LICENCE to the end.
     */
    @Test
    void probabilityZeroWithAnInstantReviewEnds() {
        Scenario s = frictionless().inventoryUnits(100_000).licenceApprovalProbability(0)
                .firms(List.of(firm("F", 0, "2026-01-02", 2_000))).build();
        SupplyResult r = run(s);
        assertEquals(Map.of(), grants(r));
        assertEquals(2_000, r.firm("F").unitsAtEnd()[Stage.LICENCE.ordinal()]);
    }
}
