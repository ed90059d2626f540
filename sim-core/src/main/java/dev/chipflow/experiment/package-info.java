/**
 * Replications in parallel with results independent of the thread count and of the engine; their observations folded
 * into moments as they finish, in the fixed order of a {@link dev.chipflow.experiment.ReplicationFold}, so that memory
 * does not grow with the replications; summaries of named scalar outputs; comparisons of two scenarios with common
 * random numbers; sweeps over a knob.
 */
package dev.chipflow.experiment;
