package dev.chipflow.bench;

import dev.chipflow.random.RandomStreams;
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
 * The hold model with cancellations: one operation in eight (12.5%) cancels a pending event chosen uniformly at
 * random and schedules it again at {@code now + Exp(1)}; the others are plain holds. This is what timeouts and
 * pre-emptions do to an event list. The victims and increments are drawn in {@code @Setup}.
 *
 * <p>The baseline is {@link EventListImpl#PRIORITY_QUEUE}, whose {@code remove(Object)} scans the whole queue: at
 * {@code n = 1e6} one cancellation costs about a millisecond, so the run script leaves that pair out. SSJ cancels with
 * {@code Event.cancel()}, a search of its tree. The bare reference heap cannot cancel and is not measured here.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar HoldWithCancelBenchmark -prof gc
 * java -jar benchmarks/target/benchmarks.jar HoldWithCancelBenchmark -p n=1000000 -p impl=CHIPFLOW,SSJ_SPLAY
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HoldWithCancelBenchmark {

    static final int BATCH = 1024;
    static final int INCREMENTS = 1 << 16;
    static final int VICTIMS = 1 << 14;

    @Param({"1000", "10000", "100000", "1000000"})
    int n;

    @Param({"CHIPFLOW", "CHIPFLOW_LADDER", "PRIORITY_QUEUE", "SSJ_SPLAY", "SSJ_BINARY_TREE", "SSJ_RED_BLACK"})
    EventListImpl impl;

    private HoldModel model;
    private double[] increments;
    private int[] victims;
    private int cursor;
    private int victimCursor;
    private double now;

    @Setup(Level.Trial)
    public void setUp() {
        increments = HoldBenchmark.exponentials(INCREMENTS, "hold.increments");
        model = impl.create(HoldBenchmark.exponentials(n, "hold.initial"));
        var rng = RandomStreams.of(20_260_101L).stream("hold.victims");
        victims = new int[VICTIMS];
        for (int i = 0; i < VICTIMS; i++) {
            victims[i] = rng.nextInt(n);
        }
    }

    /** Seven holds and one cancel-and-reschedule in every eight operations, {@link #BATCH} operations. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double holdAndCancel() {
        HoldModel m = model;
        double[] inc = increments;
        int c = cursor;
        int v = victimCursor;
        double t = now;
        for (int i = 0; i < BATCH; i++) {
            if ((i & 7) == 7) {
                m.reschedule(victims[v], t + inc[c]);
                v = (v + 1) & (VICTIMS - 1);
            } else {
                t = m.hold(inc[c]);
            }
            c = (c + 1) & (INCREMENTS - 1);
        }
        cursor = c;
        victimCursor = v;
        now = t;
        return t;
    }
}
