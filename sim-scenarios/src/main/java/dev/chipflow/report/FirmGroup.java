package dev.chipflow.report;

import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Firms drawn as their own series, the others (by fewest units ordered) summed into one. The runs keep each summed
 * group's deliveries day by day ({@link RunAnalysis#observation}), so the charts and the runs must agree on the groups.
 *
 * @param label   the legend label: the firm's name, or "other N firms"
 * @param members the firms' indices in the scenario, ascending
 */
record FirmGroup(String label, List<Integer> members) {

    /** Firms drawn one by one; the rest are summed into one series. */
    static final int MAX_SERIES = 10;

    /**
     * Decided from the scenario, before it runs, because the runs keep the groups' summed deliveries day by day
     * rather than every replication.
     *
     * @param scenario a scenario
     * @return every firm alone when there are at most {@link #MAX_SERIES}, else the ones that ordered most and the
     *         rest together, last
     */
    static List<FirmGroup> of(Scenario scenario) {
        List<Firm> firms = scenario.firms();
        long[] ordered = firms.stream().mapToLong(Firm::orderedUnits).toArray();
        List<FirmGroup> groups = new ArrayList<>();
        // Most ordered first, then scenario order: a total order, so charts are stable.
        for (List<Integer> g : split(firms.size(), Comparator.<Integer>comparingLong(i -> -ordered[i])
                .thenComparingInt(i -> i))) {
            groups.add(new FirmGroup(g.size() == 1 ? firms.get(g.get(0)).name() : "other " + g.size() + " firms", g));
        }
        return groups;
    }

    /**
     * The grouping every per-firm chart uses, whatever ranks the firms.
     *
     * @param n     the number of firms
     * @param order the firms' indices, those to draw alone first (a total order)
     * @return every firm alone when there are at most {@link #MAX_SERIES}, else the first {@code MAX_SERIES - 1} by
     *         {@code order} alone, in index order, and the rest together, last; members ascending
     */
    static List<List<Integer>> split(int n, Comparator<Integer> order) {
        List<List<Integer>> groups = new ArrayList<>();
        if (n <= MAX_SERIES) {
            for (int i = 0; i < n; i++) {
                groups.add(List.of(i));
            }
            return groups;
        }
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ranked.add(i);
        }
        ranked.sort(order);
        List<Integer> shown = new ArrayList<>(ranked.subList(0, MAX_SERIES - 1));
        shown.sort(Comparator.naturalOrder());
        for (int i : shown) {
            groups.add(List.of(i));
        }
        List<Integer> rest = new ArrayList<>(ranked.subList(MAX_SERIES - 1, n));
        rest.sort(Comparator.naturalOrder());
        groups.add(rest);
        return groups;
    }
}
