/**
 * Statistics collected during a run (tallies of observations with a Student-t interval, batch means for the mean of
 * a steady-state output of one long run, time-weighted values, streaming quantiles with bounded memory) and across
 * replications ({@link dev.chipflow.stats.Moments}, mergeable moments of many values at once, and
 * {@link dev.chipflow.stats.Summary}: mean, standard deviation and a Student-t confidence interval from Commons Math).
 */
package dev.chipflow.stats;
