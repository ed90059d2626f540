package dev.chipflow.bench;

import dev.chipflow.engine.HeapEventList;
import dev.chipflow.engine.Simulator;
import dev.chipflow.queueing.MMcQueue;
import dev.chipflow.random.RandomStreams;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole engine on a small model: an M/M/c queue with c = 4 servers at utilisation 0.8 (lambda = 3.2, mu = 1),
 * run in steady state, chipflow's {@link MMcQueue} on its {@link Simulator} against the same model on SSJ's simulator
 * ({@link SsjMMcQueue}, the baseline). Each call advances the simulation by {@link #SPAN} time units (about 640
 * events); the auxiliary counter {@code events} reports events executed per second, which is the number to compare.
 * Both models collect the same statistics (waits, time-average queue length and busy servers).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -prof gc
 * }</pre>
 *
 * Read the {@code EngineBenchmark.mmc:events} rows (events/s); {@code gc.alloc.rate.norm} is per call, i.e. per
 * {@link #SPAN} time units.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EngineBenchmark {

    /** Simulated time per benchmark call. */
    static final double SPAN = 100.0;

    /** Which engine runs the model. */
    public enum Engine {
        /** chipflow's Simulator on HeapEventList, and MMcQueue. */
        CHIPFLOW,
        /** chipflow's Simulator on its default LadderEventList, and MMcQueue. */
        CHIPFLOW_LADDER,
        /** SSJ's Simulator (splay tree) and SsjMMcQueue. */
        SSJ
    }

    @Param({"CHIPFLOW", "CHIPFLOW_LADDER", "SSJ"})
    Engine engine;

    private Simulator sim;
    private MMcQueue chipflow;
    private SsjMMcQueue ssj;

    @Setup(Level.Trial)
    public void setUp() {
        if (engine != Engine.SSJ) {
            sim = engine == Engine.CHIPFLOW ? new Simulator(new HeapEventList()) : new Simulator();
            chipflow = new MMcQueue(sim, 3.2, 1.0, 4, RandomStreams.of(20_260_101L));
            chipflow.start();
            chipflow.startMeasuring();
        } else {
            ssj = new SsjMMcQueue(3.2, 1.0, 4);
        }
    }

    /** Advances the model by {@link #SPAN} time units. */
    @Benchmark
    public long mmc(EventCounter counter) {
        long executed = engine != Engine.SSJ ? sim.runUntil(sim.now() + SPAN) : ssj.advance(SPAN);
        counter.events += executed;
        return executed;
    }
}
