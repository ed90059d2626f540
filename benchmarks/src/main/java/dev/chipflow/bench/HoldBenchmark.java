package dev.chipflow.bench;

import dev.chipflow.random.RandomStreams;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
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
 * The classic hold model: {@code n} events pending; each operation removes the earliest (time {@code t}) and inserts
 * one at {@code t + Exp(1)}. The increments are drawn in {@code @Setup} and cycled, so the measured loop holds no
 * random number generation; the list size never changes, so a list that allocates per event shows it in
 * {@code -prof gc}. The baseline is {@link EventListImpl#REFERENCE}, a bare binary heap of doubles.
 *
 * <p>Run (ns per hold; add {@code -prof gc} for bytes per hold):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar HoldBenchmark -prof gc
 * java -jar benchmarks/target/benchmarks.jar HoldBenchmark -p n=100000 -p impl=CHIPFLOW,REFERENCE
 * java -jar benchmarks/target/benchmarks.jar HoldBenchmark -p n=1000,10000 -p impl=SSJ_HENRIKSEN,SSJ_DOUBLY_LINKED
 * }</pre>
 *
 * SSJ's Henriksen and doubly linked lists are not in the default set: the doubly linked list inserts in O(n).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HoldBenchmark {

    /** Holds per benchmark call: enough to make JMH's per-call overhead negligible. */
    static final int BATCH = 1024;
    /** Precomputed increments, a power of two so the cursor wraps with a mask. */
    static final int INCREMENTS = 1 << 16;

    @Param({"1000", "10000", "100000", "1000000"})
    int n;

    @Param({"CHIPFLOW", "CHIPFLOW_LADDER", "REFERENCE", "PRIORITY_QUEUE", "SSJ_SPLAY", "SSJ_BINARY_TREE", "SSJ_RED_BLACK"})
    EventListImpl impl;

    private HoldModel model;
    private double[] increments;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        increments = exponentials(INCREMENTS, "hold.increments");
        model = impl.create(exponentials(n, "hold.initial"));
    }

    /** The hold operation, {@link #BATCH} times. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double hold() {
        HoldModel m = model;
        double[] inc = increments;
        int c = cursor;
        double now = 0;
        for (int i = 0; i < BATCH; i++) {
            now = m.hold(inc[c]);
            c = (c + 1) & (INCREMENTS - 1);
        }
        cursor = c;
        return now;
    }

    /** Exp(1) draws from a named stream of a fixed seed, so every implementation sees the same sequence. */
    static double[] exponentials(int count, String stream) {
        ContinuousSampler exp = ZigguratSampler.Exponential.of(RandomStreams.of(20_260_101L).stream(stream), 1.0);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = exp.sample();
        }
        return out;
    }
}
