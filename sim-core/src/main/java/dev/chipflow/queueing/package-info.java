/**
 * Textbook queueing models on the engine, with their analytic values: the M/M/c queue and the Erlang C formula. They
 * validate the engine and the statistics against known results, and serve as the engine's benchmark workload.
 */
package dev.chipflow.queueing;
