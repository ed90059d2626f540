package dev.chipflow.report;

import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Order;
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
        int n = firms.size();
        List<FirmGroup> groups = new ArrayList<>();
        if (n <= MAX_SERIES) {
            for (int i = 0; i < n; i++) {
                groups.add(new FirmGroup(firms.get(i).name(), List.of(i)));
            }
            return groups;
        }
        long[] ordered = new long[n];
        for (int i = 0; i < n; i++) {
            for (Order o : firms.get(i).orders()) {
                ordered[i] += o.units();
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Most ordered first, then scenario order: a total order, so charts are stable.
        order.sort(Comparator.<Integer>comparingLong(i -> -ordered[i]).thenComparingInt(i -> i));
        List<Integer> shown = new ArrayList<>(order.subList(0, MAX_SERIES - 1));
        shown.sort(Comparator.naturalOrder());
        for (int i : shown) {
            groups.add(new FirmGroup(firms.get(i).name(), List.of(i)));
        }
        List<Integer> rest = new ArrayList<>(order.subList(MAX_SERIES - 1, n));
        rest.sort(Comparator.naturalOrder());
        groups.add(new FirmGroup("other " + rest.size() + " firms", rest));
        return groups;
    }
}
