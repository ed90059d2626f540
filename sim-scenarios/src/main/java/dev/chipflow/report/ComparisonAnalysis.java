package dev.chipflow.report;

import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.Paired;
import dev.chipflow.experiment.ReplicationFold;
import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.stats.Moments;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.PairedObservation;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Two scenarios run with common random numbers, and the paired difference {@code b - a} of every output and of the
 * deliveries over time. Like {@link RunAnalysis}, it holds folded moments, never the replications.
 */
public final class ComparisonAnalysis {

    private final RunAnalysis a;
    private final RunAnalysis b;
    private final PairedObservation layout;
    private final Moments moments;
    private final SummaryTable difference;
    private final DeliveryGap gap;

    /**
     * @param first   the first scenario
     * @param second  the second
     * @param layout  what was kept of each pair of replications
     * @param moments the moments of those observations
     */
    public ComparisonAnalysis(Scenario first, Scenario second, PairedObservation layout, Moments moments) {
        if (moments.slots() != layout.size()) {
            throw new IllegalArgumentException("moments of " + moments.slots() + " slots for an observation of "
                    + layout.size());
        }
        this.a = new RunAnalysis(first, layout.a(), moments.slice(layout.aOffset(), layout.bOffset()));
        this.b = new RunAnalysis(second, layout.b(), moments.slice(layout.bOffset(),
                layout.bOffset() + layout.b().size()));
        this.layout = layout;
        this.moments = moments;
        this.difference = SummaryTable.of(layout.a().scalars(), moments, layout.differenceSlot(0));
        this.gap = DeliveryGap.of(layout, moments);
    }

    /**
     * @param first  the first scenario
     * @param second the second, with the same firms
     * @return what a comparison keeps of each pair of replications
     */
    public static PairedObservation observation(Scenario first, Scenario second) {
        return new PairedObservation(RunAnalysis.observation(first), RunAnalysis.observation(second));
    }

    /**
     * Runs both scenarios' replications in pairs on an engine and summarises them as they finish.
     *
     * @param engine       where the replications run
     * @param first        the first scenario
     * @param second       the second, with the same firms
     * @param replications pairs of replications, at least 1
     * @param seed         the master seed
     * @return the analysis
     */
    public static ComparisonAnalysis run(ExperimentEngine engine, Scenario first, Scenario second, int replications,
            long seed) {
        PairedObservation o = observation(first, second);
        Paired<SupplyResult> pair = new Paired<>(SupplyModel.replication(first), SupplyModel.replication(second));
        return new ComparisonAnalysis(first, second, o, engine.summarise(replications, seed, List.of(pair),
                List.of(o)).get(0));
    }

    /**
     * Summarises paired results already in memory (from code).
     *
     * @param first   the first scenario
     * @param resultsA its replications, in replication order
     * @param second  the second
     * @param resultsB its replications, paired with A's by index
     * @return the analysis
     */
    public static ComparisonAnalysis of(Scenario first, List<SupplyResult> resultsA, Scenario second,
            List<SupplyResult> resultsB) {
        if (resultsA.isEmpty() || resultsA.size() != resultsB.size()) {
            throw new IllegalArgumentException("paired results differ in length: " + resultsA.size() + " vs "
                    + resultsB.size());
        }
        PairedObservation o = observation(first, second);
        List<Paired.Results<SupplyResult>> pairs = new ArrayList<>(resultsA.size());
        for (int i = 0; i < resultsA.size(); i++) {
            pairs.add(new Paired.Results<>(resultsA.get(i), resultsB.get(i)));
        }
        return new ComparisonAnalysis(first, second, o, ReplicationFold.fold(pairs, o));
    }

    /** @return the first scenario's analysis */
    public RunAnalysis a() {
        return a;
    }

    /** @return the second scenario's analysis */
    public RunAnalysis b() {
        return b;
    }

    /** @return b - a of every scalar output, replication by replication, summarised */
    public SummaryTable difference() {
        return difference;
    }

    /** @return how B's deliveries differ from A's over time */
    public DeliveryGap gap() {
        return gap;
    }

    /** @return a label for scenario a, e.g. {@code A: orders-placed} */
    public String labelA() {
        return "A: " + a.scenario().name();
    }

    /** @return a label for scenario b */
    public String labelB() {
        return "B: " + b.scenario().name();
    }

    /**
     * @param date a date within the run
     * @return B - A of the units delivered to all firms by the end of that date, paired by replication
     */
    public Summary deliveredByDifference(LocalDate date) {
        return moments.summary95(layout.gapSlot(day(date)));
    }

    /**
     * @param firm a firm of A
     * @param date a date within the run
     * @return B - A of the units delivered to the firm by the end of that date, paired by replication (a firm absent
     *         from B counts as zero there)
     */
    public Summary deliveredByDifference(String firm, LocalDate date) {
        int f = a.firms().indexOf(firm);
        if (f < 0) {
            throw new IllegalArgumentException("no firm named '" + firm + "' in " + a.scenario().name());
        }
        return moments.summary95(layout.firmGapSlot(f, day(date)));
    }

    private int day(LocalDate date) {
        int d = a.index(date);
        if (d < 0 || d >= layout.days()) {
            throw new IllegalArgumentException(date + " is outside the compared days " + a.date(0) + ".."
                    + a.date(layout.days() - 1));
        }
        return d;
    }
}
