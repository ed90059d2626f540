package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.explain.Explain;
import dev.chipflow.explain.Explanation;
import dev.chipflow.explain.Rule;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.sensitivity.Factors;
import dev.chipflow.sensitivity.SensitivityOutputs;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SupplySensitivity;
import dev.chipflow.supply.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code explain} and {@code sensitivity} ship their models (a scenario and what to read from a run) to Spark and get
 * the local runner's answers, bit for bit.
 */
class SparkExplainTest extends OnLocalSpark {

    /** A sampled explanation (2 replications, a budget of 200 runs) of historical-2026, with its dated changes. */
    @Test
    void aSampledExplanationIsTheLocalOne() {
        Scenario s = NamedScenarios.get(NamedScenarios.HISTORICAL);
        List<Rule> rules = List.of(Rule.values());
        Explanation local = Explain.run(new ReplicationRunner(2, Progress.NONE), s, rules, Explain.defaultDates(s), 2,
                20260101L, 200);
        Explanation onSpark = Explain.run(spark.withBlock(3), s, rules, Explain.defaultDates(s), 2, 20260101L, 200);
        for (int rep = 0; rep < 2; rep++) {
            for (int r = 0; r < rules.size(); r++) {
                for (int d = 0; d < local.dates().size(); d++) {
                    assertEquals(local.shapley(rep, r, d, local.all()), onSpark.shapley(rep, r, d, local.all()), 0.0,
                            rules.get(r) + " replication " + rep + " date " + d);
                }
            }
        }
    }

    /** A small Sobol' design of orders-placed over two factors: every design point's means equal the local run's. */
    @Test
    void aSensitivityAnalysisIsTheLocalOne() {
        Scenario s = NamedScenarios.get(NamedScenarios.ORDERS_PLACED);
        Factors.Selection f = Factors.select(s, List.of("lab.lines=1..8", "cap.ratio=0.1..1"), false);
        SensitivityOutputs out = SupplySensitivity.outputs(s, SensitivityOutputs.defaultDates(s), List.of(), 1);
        SupplySensitivity.Settings settings = SupplySensitivity.Settings.sobol(8, 2, 20260101L);
        SensitivityResult local = SupplySensitivity.run(s, f, out, settings, new ReplicationRunner(2, Progress.NONE));
        SensitivityResult onSpark = SupplySensitivity.run(s, f, out, settings, spark.withBlock(2));
        assertEquals(local.means().length, onSpark.means().length);
        for (int p = 0; p < local.means().length; p++) {
            assertArrayEquals(local.means()[p], onSpark.means()[p], 0.0, "design point " + p);
        }
    }
}
