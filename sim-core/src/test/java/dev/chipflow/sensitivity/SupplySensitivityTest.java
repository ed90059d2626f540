package dev.chipflow.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sensitivity analyses of the supply model whose answers are known from the model's rules. Small designs (a few dozen
 * base samples, one or two replications) so that each runs in about a second.
 *
 * <p>False failures: the inert-knob checks cannot fail by chance (the indices are exactly 0: see below). The cap check
 * was run for seeds 1 to 1,000 at the same size: no seed failed (total index of cap.ratio between 0.99 and 1.01
 * throughout), so the false-failure rate is below 0.3% (95% upper bound, 3 / 1,000).
 */
class SupplySensitivityTest {

    private static Scenario with(Scenario s, String... kv) {
        for (int i = 0; i < kv.length; i += 2) {
            s = Knobs.set(s, kv[i], kv[i + 1]);
        }
        return s;
    }

    /**
     * A domestic stock of 1e10 chips on day 0 covers any purchase order at any ratio up to 2 (2,000,000 units ordered
     * in all need at most 4e6 chips), so every purchase order passes the quota the instant it is placed, whatever
     * domestic.ratio is: it cannot change a delivery.
     */
    private static Scenario inertDomestic() {
        return with(Scenario.builder().build(), "domestic.initialStock", "10000000000");
    }

    @Test
    void inertKnobHasTotalIndexZeroWithAnIntervalHoldingZero() {
        Scenario s = inertDomestic();
        Factors.Selection f = Factors.select(s, List.of("domestic.ratio=0..2", "lab.baseDays=3..42"), false);
        SensitivityOutputs out = SupplySensitivity.outputs(s, SensitivityOutputs.defaultDates(s), List.of(), 1);
        SensitivityResult r = SupplySensitivity.run(s, f, out, SupplySensitivity.Settings.sobol(32, 2, 20260101L),
                new ReplicationRunner(2, Progress.NONE));
        int ratio = r.factorIndex("domestic.ratio");
        for (SensitivityResult.OutputAnalysis a : r.analyses()) {
            if (!a.defined()) {
                continue;
            }
            SobolEstimator.Index ix = a.sobol().get(ratio);
            assertTrue(ix.totalCovers(0), a.output().name() + ": " + ix);
            // Common random numbers make it exact: A and A with domestic.ratio from B run the same replications
            // with the same streams and give the same deliveries, so every difference is exactly 0.
            assertEquals(0.0, ix.total(), a.output().name());
            assertEquals(0.0, ix.first(), a.output().name());
        }
        // The lab's duration matters for deliveries by mid-year.
        SensitivityResult.OutputAnalysis mid = r.analysis("all.deliveredBy2026-06-30");
        assertTrue(mid.sobol().get(r.factorIndex("lab.baseDays")).total() > 0.5, mid.sobol().toString());
        assertEquals(List.of(1, 0), mid.ranking());
        assertTrue(mid.noiseShare() >= 0 && mid.noiseShare() < 1, "noise share " + mid.noiseShare());
        assertTrue(mid.p5() <= mid.p50() && mid.p50() <= mid.p95());
    }

    @Test
    void capRatioExplainsEverythingWhereOnlyTheCapBinds() {
        // No lab, fixed delays, no customs block, the domestic stock covers every order, and US shipments of 2,000 a
        // week make the cap allow at most about 100,000 units a year against 264,000 converted: the cap alone decides
        // what is delivered, in proportion to cap.ratio (split on, so exact to the unit). Transit time only moves the
        // last releases of the year across the horizon.
        Scenario s = with(inertDomestic(), "lab.required", "false", "transit.days", "fixed(3)",
                "customs.clearanceDays", "fixed(2)", "customs.blocks", "none", "licence.reviewDays", "fixed(30)",
                "ndrc.conditionDays", "fixed(20)", "china.conversionDays", "fixed(7)", "cap.split", "true",
                "cap.usUnitsPerWeek", "2000");
        Factors.Selection f = Factors.select(s, List.of("cap.ratio=0.1..1", "transit.days=3..10"), false);
        SensitivityOutputs out = SupplySensitivity.outputs(s, List.of(s.horizonEnd()), List.of(), 1);
        SensitivityResult r = SupplySensitivity.run(s, f, out, SupplySensitivity.Settings.sobol(64, 2, 20260101L),
                new ReplicationRunner(2, Progress.NONE));
        SobolEstimator.Index cap = r.headline().sobol().get(0);
        SobolEstimator.Index transit = r.headline().sobol().get(1);
        assertTrue(cap.total() >= 0.95 && cap.total() <= 1.05, cap.toString());
        assertTrue(cap.totalCovers(1), cap.toString());
        assertTrue(transit.totalUpper() < 0.05, transit.toString());
        // Fixed delays: no noise at all.
        assertEquals(0.0, r.headline().noiseShare());
    }

    @Test
    void morrisGivesAnInertKnobMuStarExactlyZero() {
        Scenario s = inertDomestic();
        Factors.Selection f = Factors.select(s, List.of("domestic.ratio=0..2", "cap.usUnitsPerWeek=5000..50000"),
                false);
        SensitivityOutputs out = SupplySensitivity.outputs(s, List.of(s.horizonEnd()), List.of(), 1);
        SensitivityResult r = SupplySensitivity.run(s, f, out, SupplySensitivity.Settings.morris(10, 2, 5L),
                new ReplicationRunner(2, Progress.NONE));
        MorrisEstimator.Effect ratio = r.headline().morris().get(0);
        assertEquals(new MorrisEstimator.Effect(0, 0, 0, 0, 0), ratio);
        assertTrue(r.headline().morris().get(1).muStar() > 0);
    }

    @Test
    void resultsDoNotDependOnTheThreadsAndScalarOutputsWork() {
        Scenario s = Scenario.builder().build();
        Factors.Selection f = Factors.select(s, List.of("lab.lines=1..8", "transit.days=3..10"), false);
        SensitivityOutputs out = SupplySensitivity.outputs(s, List.of(s.horizonEnd()),
                List.of("system.capBindingShare"), 1);
        SupplySensitivity.Settings set = SupplySensitivity.Settings.sobol(8, 3, 42L);
        SensitivityResult one = SupplySensitivity.run(s, f, out, set, new ReplicationRunner(1, Progress.NONE));
        SensitivityResult two = SupplySensitivity.run(s, f, out, set, new ReplicationRunner(2, Progress.NONE));
        assertEquals(8 * 4, one.labels().size());
        for (int p = 0; p < one.labels().size(); p++) {
            assertArrayEquals(one.means()[p], two.means()[p]);
            assertArrayEquals(one.sds()[p], two.sds()[p]);
        }
        for (int o = 0; o < one.analyses().size(); o++) {
            assertEquals(one.analyses().get(o).sobol(), two.analyses().get(o).sobol());
        }
        assertEquals("system.capBindingShare", one.analyses().get(one.analyses().size() - 1).output().name());
        // Per firm outputs: the six default firms, by the one date.
        assertEquals(1 + 6 + 1, out.size());
    }
}
