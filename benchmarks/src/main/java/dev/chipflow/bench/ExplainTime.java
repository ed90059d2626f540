package dev.chipflow.bench;

import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.explain.Explain;
import dev.chipflow.explain.Explanation;
import dev.chipflow.explain.Rule;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock time of a whole {@code chipflow explain} analysis: exact Shapley values of the ten rules (1,024 subsets)
 * with 20 replications, for each named scenario given, on every core. A warm-up analysis comes first (one round
 * with fewer replications), so the times are those of a warm JVM; the first analysis of a fresh {@code chipflow
 * explain} adds the JIT's warm-up. Wall-clock time, not CPU time: the analysis runs on every core, so other
 * processes on the machine slow it down, and the process CPU time is printed beside it.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.chipflow.bench.ExplainTime historical-2026 orders-placed [replications] [rounds]
 * }</pre>
 */
public final class ExplainTime {

    private ExplainTime() {
    }

    /**
     * @param args scenario names, then optionally replications (20) and rounds (3)
     */
    public static void main(String[] args) {
        List<String> names = new java.util.ArrayList<>();
        int replications = 20;
        int rounds = 3;
        int numbers = 0;
        for (String a : args) {
            if (a.matches("\\d+")) {
                if (numbers++ == 0) {
                    replications = Integer.parseInt(a);
                } else {
                    rounds = Integer.parseInt(a);
                }
            } else {
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            names = List.of(NamedScenarios.HISTORICAL, NamedScenarios.ORDERS_PLACED);
        }
        ReplicationRunner runner = ReplicationRunner.allCores();
        List<Rule> rules = List.of(Rule.values());
        for (String name : names) {
            Scenario s = NamedScenarios.get(name);
            Explain.exact(runner, s, rules, Explain.defaultDates(s), Math.max(2, replications / 4), 1);
        }
        for (int round = 1; round <= rounds; round++) {
            for (String name : names) {
                Scenario s = NamedScenarios.get(name);
                long cpu0 = cpu();
                long t0 = System.nanoTime();
                Explanation e = Explain.exact(runner, s, rules, Explain.defaultDates(s), replications, 20260101L);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpu() - cpu0) / 1e9;
                int last = e.dates().size() - 1;
                System.out.printf(Locale.ROOT, "%s round %d: %,d model runs on %d threads in %.2f s wall (%.2f s "
                        + "process CPU), %.0f runs/s; delivered by %s as is %.0f, all lifted %.0f%n", name, round,
                        e.runs(), runner.threads(), wall, cpu, e.runs() / wall, e.dates().get(last),
                        e.asIs(last, e.all()).mean(), e.allLifted(last, e.all()).mean());
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
