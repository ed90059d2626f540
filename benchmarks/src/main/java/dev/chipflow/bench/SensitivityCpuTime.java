package dev.chipflow.bench;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.report.SensitivityReports;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.sensitivity.Factors;
import dev.chipflow.sensitivity.SensitivityOutputs;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SupplySensitivity;
import dev.chipflow.supply.Scenario;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The time of a Sobol' analysis of {@code orders-placed} with 12 factors (the 10 assumptions with calibrated ranges,
 * plus {@code supply.inventory} and {@code domestic.outputPerYear} over theirs), 1,024 base samples and 10 replications
 * per point: 1,024 x 14 = 14,336 design points, 143,360 replications, then the indices with 1,000 bootstrap resamples
 * for 14 outputs (deliveries by 2026-06-30 and 2026-12-31, in all and per firm). Prints the wall-clock time and the CPU time of the whole process (all threads, JIT and GC included),
 * which other processes sharing the cores disturb less, then the answer. Each run starts cold, as the command does:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.chipflow.bench.SensitivityCpuTime [samples] [replications] [threads] [runs]
 * }</pre>
 */
public final class SensitivityCpuTime {

    /** The two factors added to the defaults, over their calibrated ranges. */
    static final List<String> EXTRA = List.of("supply.inventory=300000..700000",
            "domestic.outputPerYear=300000..800000");

    private SensitivityCpuTime() {
    }

    /**
     * @param args base samples (1024), replications per point (10), threads (all cores), runs (1)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Scenario s = NamedScenarios.get("orders-placed");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Factors.Selection f = Factors.select(s, EXTRA, true);
            SensitivityOutputs out = SupplySensitivity.outputs(s, SensitivityOutputs.defaultDates(s), List.of(),
                    20260101L);
            SupplySensitivity.Settings set = SupplySensitivity.Settings.sobol(n, reps, 20260101L);
            SensitivityResult r = SupplySensitivity.run(s, f, out, set, new ReplicationRunner(threads,
                    Progress.NONE));
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %d factors, %d base samples, %d replications per point: "
                    + "%,d replications in %.1f s wall, %.1f s CPU (%d threads, %d cores; %,.0f replications per "
                    + "CPU-second); load average %.1f%n", run, f.factors().size(), n, reps, r.replicationsRun(), wall,
                    cpu, threads, Runtime.getRuntime().availableProcessors(), r.replicationsRun() / cpu,
                    os.getSystemLoadAverage());
            if (run == runs) {
                SensitivityReports.headlines(r).forEach(System.out::println);
            }
        }
    }
}
