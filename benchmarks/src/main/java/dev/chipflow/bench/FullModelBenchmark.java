package dev.chipflow.bench;

import dev.chipflow.random.RandomStreams;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
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
 * One replication of a named scenario of the supply model on one thread: replications per second, and, through the
 * {@code events} counter, engine events per second. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes
 * one replication allocates (divide by its events for bytes per event; most of it is the scenario's shipment arrays
 * and daily series, made once per replication).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar FullModelBenchmark -prof gc
 * java -jar benchmarks/target/benchmarks.jar FullModelBenchmark -p scenario=stress -wi 1 -i 3
 * }</pre>
 *
 * Replications cycle through 16 seeds so that the timing covers the spread of random paths, not one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class FullModelBenchmark {

    /** The named scenario run once per operation. */
    @Param({NamedScenarios.HISTORICAL, NamedScenarios.ORDERS_PLACED, NamedScenarios.STRESS})
    String scenario;

    private Scenario model;
    private int replication;

    /** Builds the scenario once per trial, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        model = NamedScenarios.get(scenario);
    }

    /** One replication, returned so that nothing is eliminated. */
    @Benchmark
    public SupplyResult replication(EventCounter counter) {
        SupplyResult r = SupplyModel.run(model, RandomStreams.forReplication(2026, replication++ & 15));
        counter.events += r.system().events();
        return r;
    }
}
