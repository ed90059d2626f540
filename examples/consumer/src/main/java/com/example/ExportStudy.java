package com.example;

import dev.chipflow.experiment.Comparison;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.random.Distribution;
import dev.chipflow.report.Reports;
import dev.chipflow.supply.Approval;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Order;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A study of one's own: a custom scenario, a tighter cap compared with common random numbers, and the report. */
public final class ExportStudy {

    public static final int REPLICATIONS = 10;
    public static final long SEED = 7;

    private ExportStudy() {
    }

    /** One firm that orders 50,000 units and is approved for all of them; licences reviewed in about a month. */
    public static Scenario scenario() {
        Firm lab = new Firm("ModelLab", List.of(new Order(LocalDate.of(2026, 1, 15), 50_000)),
                List.of(new Approval(LocalDate.of(2026, 1, 30), 50_000, false)), 0);
        return Scenario.builder()
                .name("model-lab")
                .firms(List.of(lab))
                .licenceReviewDays(Distribution.parse("normal(30,5)"))
                .build();
    }

    /** The same with the export cap at a tenth of US shipments. */
    public static Scenario tighterCap() {
        return Knobs.set(scenario(), "cap.ratio", "0.1").toBuilder().name("model-lab-cap-0.1").build();
    }

    public static List<SupplyResult> run(Scenario s) {
        return ReplicationRunner.allCores().run(REPLICATIONS, SEED, SupplyModel.replication(s));
    }

    public static Comparison<SupplyResult> compare() {
        return Comparison.run(ReplicationRunner.allCores(), REPLICATIONS, SEED,
                SupplyModel.replication(scenario()), SupplyModel.replication(tighterCap()));
    }

    public static Path report(Comparison<SupplyResult> c, Path dir) {
        return Reports.write(scenario(), tighterCap(), c, SEED, dir);
    }
}
