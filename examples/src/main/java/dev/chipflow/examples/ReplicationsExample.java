package dev.chipflow.examples;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.util.List;

public final class ReplicationsExample {
    public static void main(String[] args) {
        List<SupplyResult> reps = new ReplicationRunner(4, Progress.NONE)
                .run(20, 2026, SupplyModel.replication(Scenario.builder().capRatio(0.25).build()));
        Summary delivered = SummaryTable.of(reps).get("all.delivered");
        System.out.printf("delivered: %.0f units, 95%% CI [%.0f, %.0f] over %d replications%n",
                delivered.mean(), delivered.lower(), delivered.upper(), delivered.n());
    }
}
