package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.explain.Explain;
import dev.chipflow.explain.Explanation;
import dev.chipflow.explain.Rule;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code explain} ships its subsets' scenarios to Spark and gets the local runner's Shapley values, bit for bit. */
class SparkExplainTest {

    private static SparkEngine spark;

    @BeforeAll
    static void start() {
        spark = SparkEngine.builder().master("local[2]").start();
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

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
}
