package dev.chipflow.supply;

/**
 * Pro-rata allocation as water-filling: given the inventory, each firm's unserved demand {@code D}, what it has been
 * allocated {@code X} and its approved quantity {@code A}, find the level {@code L} such that giving every firm
 * {@code min(D, max(0, (L - X/A) A))} uses the inventory exactly, then round to whole units by largest remainder
 * (ties: scenario order). Firms whose share {@code X/A} is lowest are raised first, so allocations stay proportional
 * to approvals as far as demand allows, and the result does not depend on how purchase orders are cut.
 *
 * <p>Works in arrays made once; one call costs O(F log F + 200 F) for F waiting firms.
 */
final class ProRataShares {

    private final int[] order;
    private final long[] give;
    private final double[] exact;
    private final double[] slack;
    private final int[] byRemainder;
    private int count;

    ProRataShares(int firms) {
        order = new int[firms];
        give = new long[firms];
        exact = new double[firms];
        slack = new double[firms];
        byRemainder = new int[firms];
    }

    /** @return the number of firms with demand in the last split */
    int count() {
        return count;
    }

    /** @return the {@code i}-th firm with demand, lowest share of its approvals first */
    int firm(int i) {
        return order[i];
    }

    /**
     * @param inventory units to share, at least 1
     * @param demand    per firm, units of purchase orders waiting
     * @param allocated per firm, units allocated so far
     * @param approved  per firm, units approved by China
     * @return per firm, the units to allocate now (a shared array, valid until the next call); they sum to
     *         {@code min(inventory, total demand)}
     */
    long[] split(long inventory, long[] demand, long[] allocated, double[] approved) {
        count = 0;
        long total = 0;
        for (int f = 0; f < demand.length; f++) {
            give[f] = 0;
            if (demand[f] > 0) {
                order[count++] = f;
                total += demand[f];
            }
        }
        sortByShare(allocated, approved);
        if (total <= inventory) {
            for (int i = 0; i < count; i++) {
                give[order[i]] = demand[order[i]];
            }
            return give;
        }
        double lo = share(order[0], allocated, approved);
        double hi = lo;
        for (int i = 0; i < count; i++) {
            int f = order[i];
            hi = Math.max(hi, share(f, allocated, approved) + demand[f] / weight(f, approved));
        }
        // Bisection on the level: amount(lo) <= inventory <= amount(hi) throughout; shares are taken at lo, so their
        // whole parts never exceed the inventory and the remainder is handed out unit by unit.
        for (int it = 0; it < 200 && lo < hi; it++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (amount(mid, demand, allocated, approved) < inventory) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        long given = 0;
        for (int i = 0; i < count; i++) {
            int f = order[i];
            exact[f] = Math.min(demand[f], Math.max(0, (lo - share(f, allocated, approved)) * weight(f, approved)));
            // How far exact[f] may sit below its value at the true level: the level's bracket and the rounding of the
            // share and the product, all scaled by the firm's weight. Remainders closer than that are ties.
            slack[f] = 2 * (weight(f, approved) * (hi - lo + 2 * Math.ulp(hi)) + Math.ulp(exact[f]));
            give[f] = Math.min(demand[f], (long) Math.floor(exact[f]));
            given += give[f];
        }
        distributeRemainder(inventory - given, demand);
        return give;
    }

    private void distributeRemainder(long left, long[] demand) {
        for (int i = 0; i < count; i++) {
            byRemainder[i] = order[i];
        }
        // Largest fractional part first; ties in scenario order (insertion sort: stable, few firms).
        for (int i = 1; i < count; i++) {
            int f = byRemainder[i];
            int j = i - 1;
            while (j >= 0 && before(f, byRemainder[j])) {
                byRemainder[j + 1] = byRemainder[j];
                j--;
            }
            byRemainder[j + 1] = f;
        }
        while (left > 0) {
            for (int i = 0; i < count && left > 0; i++) {
                int f = byRemainder[i];
                if (give[f] < demand[f]) {
                    give[f]++;
                    left--;
                }
            }
        }
    }

    private boolean before(int f, int g) {
        double rf = exact[f] - Math.floor(exact[f]);
        double rg = exact[g] - Math.floor(exact[g]);
        if (Math.abs(rf - rg) <= slack[f] + slack[g]) {
            return f < g;
        }
        return rf > rg;
    }

    private double amount(double level, long[] demand, long[] allocated, double[] approved) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            int f = order[i];
            sum += Math.min(demand[f], Math.max(0, (level - share(f, allocated, approved)) * weight(f, approved)));
        }
        return sum;
    }

    private void sortByShare(long[] allocated, double[] approved) {
        for (int i = 1; i < count; i++) {
            int f = order[i];
            double k = share(f, allocated, approved);
            int j = i - 1;
            while (j >= 0 && share(order[j], allocated, approved) > k) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = f;
        }
    }

    /** A firm can only have demand once something was approved; the floor of one unit only guards the division. */
    private static double weight(int f, double[] approved) {
        return Math.max(1, approved[f]);
    }

    private static double share(int f, long[] allocated, double[] approved) {
        return allocated[f] / weight(f, approved);
    }
}
