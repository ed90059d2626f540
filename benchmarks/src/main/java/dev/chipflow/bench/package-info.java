/**
 * JMH benchmarks of the engine, each class with a baseline and an {@code @Param} to switch implementations: the hold
 * model ({@link dev.chipflow.bench.HoldBenchmark}), the hold model with cancellations
 * ({@link dev.chipflow.bench.HoldWithCancelBenchmark}), the engine against SSJ on an M/M/c queue
 * ({@link dev.chipflow.bench.EngineBenchmark}) and replication throughput
 * ({@link dev.chipflow.bench.ReplicationBenchmark}). {@link dev.chipflow.bench.ResultsTable} turns JMH's JSON into
 * the markdown tables that {@code benchmarks/run-benchmarks.sh} writes. Never run by {@code mvn test}.
 */
package dev.chipflow.bench;
