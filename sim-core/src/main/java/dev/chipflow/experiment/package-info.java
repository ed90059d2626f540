/**
 * Replications in parallel with results independent of the thread count; summaries of named scalar outputs;
 * comparisons of two scenarios with common random numbers; sweeps over a knob.
 */
package dev.chipflow.experiment;
