package dev.chipflow.experiment;

import java.util.List;

/**
 * Two scenarios run with common random numbers: both tables and the paired difference (b - a) of every output.
 *
 * @param <R>        the replication result
 * @param a          replications of the first scenario
 * @param b          replications of the second
 * @param summaryA   summary of {@code a}
 * @param summaryB   summary of {@code b}
 * @param difference summary of b - a, replication by replication
 */
public record Comparison<R extends Scalars>(List<R> a, List<R> b, SummaryTable summaryA, SummaryTable summaryB,
        SummaryTable difference) {

    /**
     * Runs both scenarios with the same streams per replication.
     *
     * @param <R>          the replication result
     * @param runner       the engine (the local pool, or another)
     * @param replications replications per scenario
     * @param seed         the master seed
     * @param first        scenario a
     * @param second       scenario b
     * @return the comparison
     */
    public static <R extends Scalars> Comparison<R> run(ExperimentEngine runner, int replications, long seed,
            Replication<R> first, Replication<R> second) {
        List<List<R>> both = runner.runTasks(replications, seed, List.of(first, second));
        List<R> a = both.get(0);
        List<R> b = both.get(1);
        return new Comparison<>(a, b, SummaryTable.of(a), SummaryTable.of(b), SummaryTable.differences(a, b));
    }
}
