package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link ProRataShares} on hand-computed splits. The rule (its Javadoc): find the level {@code L} with
 * {@code sum_f min(D_f, max(0, (L - X_f/A_f) A_f)) = inventory}, give each firm that exact amount, round down, and hand
 * the units left one each by largest fractional part, ties to the firm listed first; firms whose demand is met get no
 * more; with total demand at most the inventory every firm gets its whole demand.
 */
class ProRataSharesTest {

    private static long[] split(long inventory, long[] demand, long[] allocated, double[] approved) {
        return Arrays.copyOf(new ProRataShares(demand.length).split(inventory, demand, allocated, approved),
                demand.length);
    }

    private static final long[] PLENTY2 = {1_000_000, 1_000_000};
    private static final long[] NONE2 = {0, 0};

    /** Approvals 300:100, nothing allocated: 10 units -> 7.5 and 2.5; floors 7 + 2 = 9; one left. */
    @Test
    void threeToOneWithAnEqualRemainderGoesToTheFirmListedFirst() {
        // Remainders 0.5 and 0.5 tie: the first firm gets the unit -> 8, 2.
        assertArrayEquals(new long[] {8, 2}, split(10, PLENTY2, NONE2, new double[] {300, 100}));
        // 2 units -> 1.5 and 0.5: floors 1 + 0, the tie again to the first firm -> 2, 0.
        assertArrayEquals(new long[] {2, 0}, split(2, PLENTY2, NONE2, new double[] {300, 100}));
        // Listed the other way round (100:300) -> 0.5 and 1.5: the unit goes to the 100 firm, listed first -> 1, 1.
        assertArrayEquals(new long[] {1, 1}, split(2, PLENTY2, NONE2, new double[] {100, 300}));
    }

    /** Approvals 3:1 at realistic scale: 1,001 units over 60,000 : 20,000 -> 750.75 and 250.25 -> 751, 250. */
    @Test
    void threeToOneAtScaleByLargestRemainder() {
        assertArrayEquals(new long[] {751, 250}, split(1_001, PLENTY2, NONE2, new double[] {60_000, 20_000}));
        // Next day, from 751 and 250 allocated: level (1,001 + 751 + 250) / 80,000 = 0.025025 -> 1,501.5 - 751 = 750.5
        // and 500.5 - 250 = 250.5; the tie goes to the first firm -> 751, 250.
        assertArrayEquals(new long[] {751, 250},
                split(1_001, PLENTY2, new long[] {751, 250}, new double[] {60_000, 20_000}));
        // Third day, from 1,502 and 500: level 3,003 / 80,000 -> 2,252.25 - 1,502 = 750.25, 750.75 - 500 = 250.75
        // -> floors 750 + 250, the unit to the larger remainder (0.75) -> 750, 251.
        assertArrayEquals(new long[] {750, 251},
                split(1_001, PLENTY2, new long[] {1_502, 500}, new double[] {60_000, 20_000}));
    }

    /** Equal approvals, 10 units over three firms: 3.33 each -> 3, 3, 3, the unit left to the first -> 4, 3, 3. */
    @Test
    void equalSharesGiveTheRemainderInScenarioOrder() {
        long[] plenty = {100, 100, 100};
        assertArrayEquals(new long[] {4, 3, 3}, split(10, plenty, new long[3], new double[] {100, 100, 100}));
        // 11 units: 3.67 each -> 3, 3, 3 and two left -> 4, 4, 3.
        assertArrayEquals(new long[] {4, 4, 3}, split(11, plenty, new long[3], new double[] {100, 100, 100}));
    }

    /** Approvals 500:300:200, 9 units -> 4.5, 2.7, 1.8; floors 4 + 2 + 1 = 7; two left to 0.8 then 0.7 -> 4, 3, 2. */
    @Test
    void largestRemaindersFirstWhateverTheOrder() {
        assertArrayEquals(new long[] {4, 3, 2},
                split(9, new long[] {100, 100, 100}, new long[3], new double[] {500, 300, 200}));
        // 7 units -> 3.5, 2.1, 1.4; floors 3 + 2 + 1 = 6; one left to 0.5 -> 4, 2, 1.
        assertArrayEquals(new long[] {4, 2, 1},
                split(7, new long[] {100, 100, 100}, new long[3], new double[] {500, 300, 200}));
    }

    /**
     * Water-filling: approvals 100 each, the second firm already has 50 (share 0.5), the first none. 30 units: the
     * first rises to share 0.3 < 0.5 -> 30, 0. 80 units: the first reaches 0.5 with 50, the other 30 go half each
     * (level 0.65) -> 65, 15.
     */
    @Test
    void theLowestShareIsRaisedFirst() {
        long[] plenty = {100, 100};
        assertArrayEquals(new long[] {30, 0}, split(30, plenty, new long[] {0, 50}, new double[] {100, 100}));
        assertArrayEquals(new long[] {65, 15}, split(80, plenty, new long[] {0, 50}, new double[] {100, 100}));
    }

    /**
     * Demand bounds a firm: approvals 1,000 each, demand 10 and 1,000, 100 units: the first is full at 10 (level
     * 0.01), the second takes the other 90 (level 0.09) -> 10, 90. Three firms, demand 1, 100, 100, 4 units, equal
     * approvals: the first is full at 1, the other 3 go 1.5 and 1.5 -> floors 1, 1, 1, the unit to the tie's first
     * (the second firm; the first has no demand left) -> 1, 2, 1.
     */
    @Test
    void aFirmNeverGetsMoreThanItsDemand() {
        assertArrayEquals(new long[] {10, 90},
                split(100, new long[] {10, 1_000}, NONE2, new double[] {1_000, 1_000}));
        assertArrayEquals(new long[] {1, 2, 1},
                split(4, new long[] {1, 100, 100}, new long[3], new double[] {100, 100, 100}));
    }

    /** Total demand 5 + 7 = 12 <= 100 units: every firm gets its demand; a firm with none is not counted. */
    @Test
    void plentyServesAllDemandAndFirmsWithoutDemandGetNothing() {
        assertArrayEquals(new long[] {5, 7}, split(100, new long[] {5, 7}, NONE2, new double[] {10, 1_000}));
        ProRataShares p = new ProRataShares(3);
        long[] give = p.split(10, new long[] {0, 50, 0}, new long[3], new double[] {100, 100, 100});
        assertArrayEquals(new long[] {0, 10, 0}, Arrays.copyOf(give, 3));
        assertEquals(1, p.count());
        assertEquals(1, p.firm(0));
    }

    /**
     * {@link ProRataShares#firm} lists the firms with demand lowest share first, equal shares in scenario order.
     * Approvals 100 each, allocated 50, 0, 0: shares 0.5, 0, 0 -> firms 1, 2 (tied at 0, scenario order), then 0.
     * 10 units raise firms 1 and 2 to level 0.05 (5 each, below the first firm's 0.5) -> 0, 5, 5.
     */
    @Test
    void firmsAreListedLowestShareFirstAndEqualSharesInScenarioOrder() {
        ProRataShares p = new ProRataShares(3);
        long[] give = p.split(10, new long[] {100, 100, 100}, new long[] {50, 0, 0}, new double[] {100, 100, 100});
        assertArrayEquals(new long[] {0, 5, 5}, Arrays.copyOf(give, 3));
        assertEquals(3, p.count());
        assertEquals(1, p.firm(0));
        assertEquals(2, p.firm(1));
        assertEquals(0, p.firm(2));
        // All shares 0 (nothing allocated): a three-way tie, scenario order 0, 1, 2.
        p.split(10, new long[] {100, 100, 100}, new long[3], new double[] {100, 100, 100});
        assertEquals(0, p.firm(0));
        assertEquals(1, p.firm(1));
        assertEquals(2, p.firm(2));
    }

    /** Demand exactly equal to the inventory: 3 + 7 = 10 units -> every firm gets its whole demand, 3 and 7. */
    @Test
    void demandExactlyEqualToTheInventoryIsAllServed() {
        assertArrayEquals(new long[] {3, 7}, split(10, new long[] {3, 7}, NONE2, new double[] {300, 100}));
    }
}
