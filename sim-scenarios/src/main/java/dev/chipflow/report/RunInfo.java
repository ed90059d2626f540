package dev.chipflow.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What a report says about how it was made, beyond the scenario: nothing here may depend on the thread count or the
 * clock, so that reports are byte-identical across machines and pool sizes.
 *
 * @param seed         the master seed
 * @param replications replications per scenario (or per sweep point)
 * @param version      chipflow's version
 * @param at           analysis dates asked for ({@code --at}) beyond mid-year and the end of the run, sorted
 */
public record RunInfo(long seed, int replications, String version, List<LocalDate> at) {

    /** Copies and sorts the dates. */
    public RunInfo {
        at = at.stream().distinct().sorted().toList();
    }

    /**
     * With no extra analysis date.
     *
     * @param seed         the master seed
     * @param replications replications per scenario
     * @param version      chipflow's version
     */
    public RunInfo(long seed, int replications, String version) {
        this(seed, replications, version, List.of());
    }

    /**
     * The dates a report answers at: 2026-06-30 (the record's date) when the run covers it, every date asked for
     * within the run, and the run's last day; sorted, each once.
     *
     * @param a a run
     * @return the analysis dates
     */
    public List<LocalDate> analysisDates(RunAnalysis a) {
        java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>(
                dev.chipflow.supply.Calendar.defaultAnalysisDates(a.lastDate()));
        for (LocalDate d : at) {
            if (a.index(d) >= 0) {
                dates.add(d);
            }
        }
        return List.copyOf(dates);
    }
}
