package dev.chipflow.experiment;

import java.io.Serializable;

/**
 * What an experiment keeps of each replication: a fixed number of values (outputs, days of series, per-stage counts)
 * whose means and confidence intervals the reports need. Engines fold the values into
 * {@link dev.chipflow.stats.Moments} as replications finish, so an experiment's memory does not grow with its
 * replications. An observation is a value that can be shipped to where the replications run.
 *
 * @param <R> the result of one replication
 */
public interface Observation<R> extends Serializable {

    /** @return how many values {@link #observe} writes */
    int size();

    /**
     * @param result one replication's result
     * @param values where to write the {@link #size()} values, each finite or NaN for "missing"
     */
    void observe(R result, double[] values);
}
