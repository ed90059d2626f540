package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How orders are cut into shipments must not change how many units each rule lets through: approved, converted,
 * licensed and capped (released under the 50% cap) are the same to the unit for shipments of 8, 1,000 and 80,000
 * units, with one seed. Every rule up to the cap is exact to the unit (split at its edge) and draws its random
 * numbers per approval, purchase order, firm or lot, never per shipment, so the cut cannot move them.
 *
 * <p>Capped is read as licensed - units still at the cap at the end (a unit enters the cap once, when licensed, and
 * leaves it once, released), and checked against the system's count of releases.
 */
class GranularityTest {

    private static final long SEED = 20260101;
    private static final int[] SIZES = {8, 1_000, 80_000};
    private static final List<String> FIRMS = List.of("ByteDance", "Alibaba", "Tencent", "DeepSeek", "Others");

    /** Per firm: approved, converted, licensed, capped, domestic chips bought, allocated, units left at the quota. */
    private static long[][] counts(Scenario s) {
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(SEED));
        long[][] c = new long[FIRMS.size()][];
        long released = 0;
        for (int i = 0; i < FIRMS.size(); i++) {
            FirmResult f = r.firm(FIRMS.get(i));
            long capped = f.licensed() - f.unitsAtEnd()[Stage.CAP.ordinal()];
            released += capped;
            c[i] = new long[] {f.approved(), f.converted(), f.licensed(), capped, Math.round(f.domesticChips()),
                f.allocated(), f.unitsAtEnd()[Stage.DOMESTIC_QUOTA.ordinal()]};
        }
        assertEquals(released, r.system().chinaShipped(), 1e-6, "releases under the cap (cumulative window)");
        return c;
    }

    private static List<long[][]> acrossSizes(Scenario.Builder b) {
        List<long[][]> out = new ArrayList<>();
        for (int size : SIZES) {
            out.add(counts(b.shipmentUnits(size).build()));
        }
        String[] what = {"approved", "converted", "licensed", "capped", "domestic chips", "allocated", "at the quota"};
        for (int k = 1; k < SIZES.length; k++) {
            for (int i = 0; i < FIRMS.size(); i++) {
                for (int j = 0; j < what.length; j++) {
                    assertEquals(out.get(0)[i][j], out.get(k)[i][j], FIRMS.get(i) + " " + what[j] + ": shipments of "
                            + SIZES[0] + " against " + SIZES[k]);
                }
            }
        }
        return out;
    }

    /**
     * The default scenario (builder defaults: the orders-placed reading of 2026) with cap.split on. Derivation:
     * <ul>
     * <li>Approved = min(ordered, approved amounts): ByteDance 133,333 (of 300,000), Alibaba 133,333, Tencent 133,334,
     * DeepSeek 40,000 (of 150,000), Others 0 (no approval).</li>
     * <li>All approvals are conditional (2026-01-28 = day 27, DeepSeek 2026-01-30 = day 29), final at most 45 days
     * later (tri(15,30,45)): by day 74; purchase orders at most 21 days after (tri(7,14,21)), after the clearance of
     * 2026-01-24: by day 95. Converted = floor(0.6 x approved): 79,999, 79,999, floor(80,000.4) = 80,000, 24,000, 0;
     * 263,998 in all.</li>
     * <li>Domestic quota, ratio 1: 600,000 / 365 = 1,643.8 chips a day from day 0; 263,998 chips are produced by
     * day 160 (161 x 1,643.8 = 264,658), so every purchase order passes by day 160.</li>
     * <li>Licence ceiling 1,000,000 and inventory 700,000 exceed 263,998: allocated at once. Each firm's licence is
     * applied for with its first purchase order past the quota (by day 160) and reviewed in at most 90 days: granted
     * by day 250. Licensed = converted.</li>
     * <li>The cap: US shipments of 20,000 weekly from day 21 (a week after 2026-01-15); by day 250, 33 of them
     * (660,000), room 0.5 x 660,000 = 330,000 &gt;= 263,998. Capped = licensed = converted.</li>
     * </ul>
     */
    @Test
    void theDefaultScenarioGivesTheSameCountsForEveryShipmentSize() {
        List<long[][]> out = acrossSizes(Scenario.builder().capSplit(true));
        long[] approved = {133_333, 133_333, 133_334, 40_000, 0};
        long[] converted = {79_999, 79_999, 80_000, 24_000, 0};
        for (int i = 0; i < FIRMS.size(); i++) {
            long[] c = out.get(0)[i];
            String f = FIRMS.get(i);
            assertEquals(approved[i], c[0], f + " approved");
            assertEquals(converted[i], c[1], f + " converted");
            assertEquals(converted[i], c[2], f + " licensed");
            assertEquals(converted[i], c[3], f + " capped");
            assertEquals(converted[i], c[4], f + " domestic chips");
        }
    }

    /**
     * The same with the domestic quota and the per-firm licence cap binding: domestic output 146,000 a year (400 a
     * day, exact), per-firm cap 30,000. Derivation of what is derivable by hand:
     * <ul>
     * <li>Approved and converted as in the default (263,998 converted, all purchase orders by day 95).</li>
     * <li>Output to the end of 2026: 365 x 400 = 146,000 chips &lt; 263,998, so purchase orders wait from day 95
     * to the end. Orders pass whole, in line, so the chips bought are the largest run of whole purchase orders, from
     * the head of the line, that 146,000 chips cover: at most 146,000, and the rest of the 263,998 is still at the
     * quota. Purchase orders are sized by conversion, not by shipments, so this is the same for every size.</li>
     * <li>Each firm's units past the quota = its domestic chips (ratio 1); its allocation is that, capped at 30,000
     * (inventory and the ceiling are ample). 146,000 among 4 firms: one firm at least passes 36,500 &gt; 30,000, so
     * the cap binds for it: allocated exactly 30,000.</li>
     * </ul>
     */
    @Test
    void bindingDomesticQuotaAndPerFirmCapGiveTheSameCountsForEveryShipmentSize() {
        List<long[][]> out = acrossSizes(Scenario.builder().capSplit(true).domesticOutputPerYear(146_000)
                .licencePerFirmCap(30_000));
        long bought = 0;
        long converted = 0;
        long atQuota = 0;
        boolean capBinds = false;
        for (int i = 0; i < FIRMS.size(); i++) {
            long[] c = out.get(0)[i];
            converted += c[1];
            bought += c[4];
            atQuota += c[6];
            assertEquals(Math.min(c[4], 30_000), c[5], FIRMS.get(i) + " allocated = min(past the quota, cap)");
            assertTrue(c[2] <= 30_000, FIRMS.get(i) + " licensed within the per-firm cap");
            capBinds |= c[5] == 30_000 && c[4] > 30_000;
        }
        assertEquals(263_998, converted);
        assertTrue(bought <= 146_000 && bought > 0, "whole purchase orders bought at most the 146,000 chips made");
        assertEquals(263_998 - bought, atQuota, "converted units still waiting for domestic chips");
        assertTrue(capBinds, "the per-firm cap binds for at least one firm");
    }

    /**
     * The same with the 50% cap binding at the end: cap.ratio 0.05 (cap.split on). Approved, converted and licensed as
     * in the default (263,998 licensed, all by day 250). US shipments of 20,000 come weekly from day 21 to day 364
     * ((364 - 21) / 7 = 49, so 50 of them: 1,000,000); the room is 0.05 x 1,000,000 = 50,000. From day 250 more
     * than 50,000 licensed units wait, so with splitting the last release fills the room exactly: 50,000 released in
     * all, 213,998 still at the cap. Which firm's units those are follows the order they reached the cap, the same for
     * every shipment size; whole shipments (no split) would leave room unused for the large sizes.
     */
    @Test
    void aBindingCapReleasesTheSameUnitsForEveryShipmentSize() {
        List<long[][]> out = acrossSizes(Scenario.builder().capSplit(true).capRatio(0.05));
        long licensed = 0;
        long capped = 0;
        for (long[] c : out.get(0)) {
            licensed += c[2];
            capped += c[3];
        }
        assertEquals(263_998, licensed);
        assertEquals(50_000, capped);
    }
}
