package dev.chipflow.experiment;

/** Told when a replication finishes; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
    /** Ignores progress. */
    Progress NONE = (done, total) -> { };

    /**
     * @param done  replications finished so far
     * @param total replications in the run
     */
    void advanced(int done, int total);
}
