/**
 * Experiments on Apache Spark: {@link dev.chipflow.spark.SparkEngine}, an
 * {@link dev.chipflow.experiment.ExperimentEngine} that runs each (model, block of replications) as a Spark task with
 * the local runner's streams, so results do not depend on where they ran; {@link dev.chipflow.spark.SparkEngineProvider}
 * for the command line's {@code --engine spark}; {@link dev.chipflow.spark.LocalCluster}, a standalone cluster on
 * 127.0.0.1 for tests and benchmarks; {@link dev.chipflow.spark.SparkThroughput}, the benchmark.
 */
package dev.chipflow.spark;
