package dev.chipflow.examples;

import dev.chipflow.experiment.Comparison;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.random.Distribution;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;

public final class ComparisonExample {
    public static void main(String[] args) {
        Scenario a = CustomScenarioExample.scenario();
        Scenario b = a.toBuilder().name("two-firms-faster-licences")
                .licenceReviewDays(Distribution.parse("weibull(1.5,30)")).build();   // reviews take half as long
        // Replication i of A and of B draw from the same streams: their difference is the rule's, not noise.
        Comparison<SupplyResult> c = Comparison.run(ReplicationRunner.allCores(), 20, 2026,
                SupplyModel.replication(a), SupplyModel.replication(b));
        Summary d = c.difference().get("Alpha.leadTimeMeanDays");
        System.out.printf("B - A, Alpha's mean lead time: %.1f days, 95%% CI [%.1f, %.1f]%s%n", d.mean(),
                d.lower(), d.upper(), d.covers(0) ? " (no real difference)" : "");
    }
}
