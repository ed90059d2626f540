package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.RandomStreams;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The limiting cases of MODEL.md, where the answer is known without simulation. */
class LimitingCasesTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Every delay zero, unlimited lab lines, no cap, nothing gating: only orders and supply limit deliveries. */
    private static Scenario.Builder frictionless() {
        return Scenario.builder().noDelays().labLines(Integer.MAX_VALUE).capRatio(Double.POSITIVE_INFINITY)
                .customsBlocks(List.of()).domesticRatio(0).licencePerFirmCap(Long.MAX_VALUE)
                .licenceTotalCeiling(Long.MAX_VALUE).licenceApprovalProbability(1).labFailureShare(0);
    }

    @ParameterizedTest(name = "inventory {0}, production {1}/week from {2}, share {3}, policy {4}")
    @CsvSource({
        "700000, 25000, 2026-04-01, 0.6, FCFS",
        "100000, 0, 2026-04-01, 1.0, FCFS",
        "0, 56000, 2026-02-01, 1.0, PRO_RATA",
        "50000, 7000, 2026-06-01, 0.5, PRIORITY",
        "2000000, 0, 2026-01-01, 1.0, FCFS"})
    void withoutFrictionDeliveriesEqualMinOfConvertedAndSupply(long inventory, double perWeek, String start,
            double share, AllocationPolicy policy) {
        // Quantities are whole shipments so that head-of-line blocking cannot strand a partial shipment.
        Scenario s = frictionless().inventoryUnits(inventory).productionUnitsPerWeek(perWeek)
                .productionStart(d(start)).conversionShare(share).allocation(policy).shipmentUnits(8).build();
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(7), true);
        long converted = r.firms().stream().mapToLong(FirmResult::converted).sum();
        long supply = r.system().inventoryStart() + r.system().produced();
        assertEquals(Math.min(converted, supply), r.deliveredTotal());
        TraceReplay.check(s, r);
    }

    @Test
    void capRatioZeroDeliversNothingAndHoldsUnitsAtTheCap() {
        Scenario s = Scenario.builder().capRatio(0).build();
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(1), true);
        assertEquals(0, r.deliveredTotal());
        long atCap = r.firms().stream().mapToLong(f -> f.unitsAtEnd()[Stage.CAP.ordinal()]).sum();
        long licensed = r.firms().stream().mapToLong(FirmResult::licensed).sum();
        assertTrue(licensed > 0, "units must reach the cap for the case to mean anything");
        assertEquals(licensed, atCap);
        // With no room ever, the cap binds from the first arrival at it to the end of the run.
        double firstAtCap = r.trace().stream().filter(e -> e.to() == Stage.CAP).mapToDouble(TraceEvent::time)
                .min().orElseThrow();
        double policyStart = Calendar.day(s.us().policyStart());
        assertEquals((s.horizonDays() - firstAtCap) / (s.horizonDays() - policyStart),
                r.system().capBindingShare(), 1e-9);
    }

    @Test
    void customsBlockCoveringTheHorizonDeliversNothingAndAllExportsWaitAtCustoms() {
        Scenario s = frictionless().inventoryUnits(300_000).customsBlocks(
                List.of(new DateWindow(d("2026-01-01"), d("2026-12-31")))).build();
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(3));
        assertEquals(0, r.deliveredTotal());
        long exported = r.firms().stream().mapToLong(FirmResult::exported).sum();
        long atCustoms = r.firms().stream().mapToLong(f -> f.unitsAtEnd()[Stage.CUSTOMS.ordinal()]).sum();
        assertTrue(exported > 0);
        assertEquals(exported, atCustoms, "every exported unit waits at the border, none is lost");
    }

    @Test
    void conditionsNeverFinalMeansNothingDeliveredAndUnitsHeldInChina() {
        Scenario s = Scenario.builder().conditionsFinalize(false).build();
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(5));
        assertEquals(0, r.deliveredTotal());
        for (FirmResult f : r.firms()) {
            long held = f.unitsAtEnd()[Stage.APPROVAL.ordinal()] + f.unitsAtEnd()[Stage.CONDITIONS.ordinal()];
            assertEquals(f.ordered(), held, f.name());
        }
    }

    @Test
    void productionNeverAndHaltsProduceNothingOrLess() {
        Scenario never = Scenario.builder().productionStart(null).build();
        assertEquals(0, SupplyModel.run(never, RandomStreams.of(1)).system().produced());
        // 25,000 a week from 2026-04-01 to 2026-12-31: 275 days; a 30-day halt takes 30 days of output away.
        Scenario running = Scenario.builder().productionHalts(List.of()).build();
        Scenario halted = Scenario.builder().productionHalts(
                List.of(new DateWindow(d("2026-05-01"), d("2026-05-30")))).build();
        long full = SupplyModel.run(running, RandomStreams.of(1)).system().produced();
        long less = SupplyModel.run(halted, RandomStreams.of(1)).system().produced();
        // Exact: floor(275 x 25,000 / 7) = 982,142 and 245 days = 35 whole weeks = 875,000.
        assertEquals(982_142, full);
        assertEquals(875_000, less);
    }

    @Test
    void perFirmCapLimitsEveryFirmsLicensedUnits() {
        Scenario s = frictionless().licencePerFirmCap(75_000).inventoryUnits(700_000).shipmentUnits(8000).build();
        SupplyResult r = SupplyModel.run(s, RandomStreams.of(2));
        for (FirmResult f : r.firms()) {
            assertTrue(f.licensed() <= 75_000, f.name());
            if (f.allocated() >= 75_000) {
                assertEquals(75_000, f.licensed(), f.name() + " is licensed right up to the cap (split at it)");
            }
        }
    }
}
