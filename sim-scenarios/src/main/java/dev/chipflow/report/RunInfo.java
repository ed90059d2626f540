package dev.chipflow.report;

/**
 * What a report says about how it was made, beyond the scenario: nothing here may depend on the thread count or the
 * clock, so that reports are byte-identical across machines and pool sizes.
 *
 * @param seed         the master seed
 * @param replications replications per scenario (or per sweep point)
 * @param version      chipflow's version
 */
public record RunInfo(long seed, int replications, String version) {
}
