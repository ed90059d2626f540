/**
 * Statistics collected during a run (tallies of observations, time-weighted values, streaming quantiles with bounded
 * memory) and across replications ({@link dev.chipflow.stats.Summary}: mean, standard
 * deviation and a Student-t confidence interval from Commons Math).
 */
package dev.chipflow.stats;
