package dev.chipflow.report;

import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.SupplyResult;
import java.time.LocalDate;

/**
 * Two scenarios run with common random numbers, and the paired difference {@code b - a} of every output.
 *
 * @param a          the first scenario
 * @param b          the second
 * @param difference b - a, replication by replication, summarised
 * @param gap        how B's deliveries differ from A's over time (computed from {@code a} and {@code b} when null)
 */
public record ComparisonAnalysis(RunAnalysis a, RunAnalysis b, SummaryTable difference, DeliveryGap gap) {

    /** Computes the gap over time once, for the headline, the CSV and the chart alike. */
    public ComparisonAnalysis {
        gap = gap != null ? gap : DeliveryGap.of(a, b);
    }

    /**
     * @param a          the first scenario
     * @param b          the second
     * @param difference b - a, replication by replication, summarised
     */
    public ComparisonAnalysis(RunAnalysis a, RunAnalysis b, SummaryTable difference) {
        this(a, b, difference, null);
    }

    /** @return a label for scenario a, e.g. {@code A: orders-placed} */
    public String labelA() {
        return "A: " + a.scenario().name();
    }

    /**
     * @param date a date within the run
     * @return B - A of the units delivered to all firms by the end of that date, paired by replication
     */
    public Summary deliveredByDifference(LocalDate date) {
        int d = a.index(date);
        double[] v = new double[a.replications()];
        for (int r = 0; r < v.length; r++) {
            v[r] = total(b.results().get(r), d) - total(a.results().get(r), d);
        }
        return Summary.of95(v);
    }

    /**
     * @param firm a firm's name (0 in a scenario without it)
     * @param date a date within the run
     * @return B - A of the units delivered to the firm by the end of that date, paired by replication
     */
    public Summary deliveredByDifference(String firm, LocalDate date) {
        int d = a.index(date);
        int fa = a.firms().indexOf(firm);
        int fb = b.firms().indexOf(firm);
        double[] v = new double[a.replications()];
        for (int r = 0; r < v.length; r++) {
            v[r] = (fb < 0 ? 0 : b.results().get(r).series().deliveredByFirm()[fb][d])
                    - (fa < 0 ? 0 : a.results().get(r).series().deliveredByFirm()[fa][d]);
        }
        return Summary.of95(v);
    }

    private static double total(SupplyResult r, int d) {
        double sum = 0;
        for (double[] f : r.series().deliveredByFirm()) {
            sum += f[d];
        }
        return sum;
    }

    /** @return a label for scenario b */
    public String labelB() {
        return "B: " + b.scenario().name();
    }
}
