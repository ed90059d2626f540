package dev.chipflow.report;

import dev.chipflow.experiment.SummaryTable;

/**
 * Two scenarios run with common random numbers, and the paired difference {@code b - a} of every output.
 *
 * @param a          the first scenario
 * @param b          the second
 * @param difference b - a, replication by replication, summarised
 */
public record ComparisonAnalysis(RunAnalysis a, RunAnalysis b, SummaryTable difference) {

    /** @return a label for scenario a, e.g. {@code A: orders-placed} */
    public String labelA() {
        return "A: " + a.scenario().name();
    }

    /** @return a label for scenario b */
    public String labelB() {
        return "B: " + b.scenario().name();
    }
}
