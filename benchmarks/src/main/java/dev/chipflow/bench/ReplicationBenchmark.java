package dev.chipflow.bench;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.queueing.MMcQueue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replications per second through {@link ReplicationRunner}: independent M/M/4 replications at utilisation 0.8 (warm-up
 * 100, horizon 1100 time units, about 7,000 events each, streams derived per replication), on one thread (the
 * baseline) and on every core. The ratio is the parallel speed-up; on a 2-core machine the ideal is 2.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ReplicationBenchmark
 * java -jar benchmarks/target/benchmarks.jar ReplicationBenchmark -p threads=1,2,4
 * }</pre>
 *
 * {@code threads=0} means every available core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReplicationBenchmark {

    /** Replications per benchmark call, enough to keep every thread busy. */
    static final int REPLICATIONS = 128;

    /** Worker threads; 0 means {@code Runtime.availableProcessors()}. */
    @Param({"1", "0"})
    int threads;

    private ReplicationRunner runner;
    private final Replication<MMcQueue.Result> model =
            streams -> MMcQueue.run(3.2, 1.0, 4, 100.0, 1100.0, streams);
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        runner = new ReplicationRunner(t, Progress.NONE);
    }

    /** {@link #REPLICATIONS} replications with a fresh master seed. */
    @Benchmark
    @OperationsPerInvocation(REPLICATIONS)
    public List<MMcQueue.Result> replications() {
        return runner.run(REPLICATIONS, seed++, model);
    }
}
