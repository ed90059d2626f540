package dev.chipflow.examples;

import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.report.Reports;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.nio.file.Path;
import java.util.List;

public final class ReportExample {
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "report-from-code");
        Scenario s = NamedScenarios.get(NamedScenarios.ORDERS_PLACED);
        List<SupplyResult> reps = ReplicationRunner.allCores().run(20, 2026, SupplyModel.replication(s));
        Path written = Reports.write(s, reps, 2026, dir);     // what `chipflow run --out DIR` writes
        System.out.println("open " + written.resolve("report.html"));
    }
}
