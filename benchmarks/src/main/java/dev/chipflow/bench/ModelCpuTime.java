package dev.chipflow.bench;

import dev.chipflow.random.RandomStreams;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.scenarios.ScenarioFile;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Replications of one named scenario per CPU-second of the running thread: a full-model measure that other processes
 * sharing the cores disturb far less than JMH's wall-clock throughput (the thread's CPU time excludes the time it
 * waits for a core). Run one scenario per JVM, so that the JIT's profile is that scenario's alone:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.chipflow.bench.ModelCpuTime orders-placed [replications] [rounds]
 * }</pre>
 */
public final class ModelCpuTime {

    private ModelCpuTime() {
    }

    /**
     * @param args scenario name or scenario file, replications per round (20,000), rounds (3); one warm-up round comes
     *             first
     */
    public static void main(String[] args) {
        // A named scenario, or a scenario file (to time a variant, e.g. an older definition of a named one).
        Scenario s = args[0].endsWith(".scenario") ? ScenarioFile.read(Path.of(args[0])).scenario()
                : NamedScenarios.get(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = -1; round < rounds; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += SupplyModel.run(s, RandomStreams.forReplication(20260101, i)).system().events();
            }
            double seconds = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
            if (round >= 0) {
                System.out.printf(Locale.ROOT, "%s round %d: %.0f replications per CPU-second, %.0f events each%n",
                        args[0], round + 1, n / seconds, sink / (double) ((round + 2L) * n));
            }
        }
    }
}
