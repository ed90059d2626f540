package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.Comparison;
import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.SupplyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportStudyTest {

    @TempDir
    Path tmp;

    @Test
    void aCustomScenarioRuns() {
        List<SupplyResult> reps = ExportStudy.run(ExportStudy.scenario());
        assertEquals(ExportStudy.REPLICATIONS, reps.size());
        Summary delivered = SummaryTable.of(reps).get("ModelLab.delivered");
        assertTrue(delivered.mean() > 0 && delivered.mean() <= 50_000, "delivered " + delivered);
    }

    @Test
    void aTighterCapComparedWithCommonRandomNumbersAndItsReport() throws java.io.IOException {
        Comparison<SupplyResult> c = ExportStudy.compare();
        Summary d = c.difference().get("all.delivered");
        assertTrue(d.upper() <= 0, "a tighter cap cannot deliver more: " + d);
        Path report = ExportStudy.report(c, tmp.resolve("report"));
        for (String f : new String[] {"report.html", "comparison.csv", "manifest.json"}) {
            assertTrue(Files.size(report.resolve(f)) > 0, f);
        }
    }
}
