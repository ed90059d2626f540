package dev.chipflow.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.RandomStreams;
import dev.chipflow.supply.Approval;
import dev.chipflow.supply.DateWindow;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedScenariosTest {

    @Test
    void historicalIsTheDatedRecordOnTheDefaults() {
        Scenario h = NamedScenarios.historical2026();
        // The record's rule changes, on their dates (docs/record-2026.md), each with a source and a trust level.
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("customs.blocks@2026-01-14", "2026-01-14..2026-12-31");
        expected.put("licence.approvalProbability@2026-01-15", "0");
        expected.put("ndrc.conditionsFinalize@2026-01-28", "false");
        expected.put("licence.perFirmCap@2026-03-03", "75000");
        expected.put("supply.productionPerWeek@2026-03-05", "0");
        expected.put("supply.productionPerWeek@2026-03-18", "25000");
        expected.put("licence.approvalProbability@2026-05-14", "1");
        Map<String, String> dated = new java.util.LinkedHashMap<>();
        for (PolicyChange c : h.timeline().changes()) {
            dated.put(c.label(), c.value());
            assertTrue(c.source().length() > 10, c.label() + " has a source");
            assertTrue(List.of("H", "M", "L").contains(c.trust()), c.label() + " trust " + c.trust());
        }
        assertEquals(expected, dated);
        // Otherwise the defaults, but for the three assumptions the record needs (see Record2026).
        Map<String, String> knobs = Knobs.values(h.withoutTimeline());
        Map<String, String> defaults = Knobs.values(Scenario.builder().build());
        for (String k : defaults.keySet()) {
            if (!List.of("name", "supply.productionStart", "supply.halts", "customs.blocks").contains(k)) {
                assertEquals(defaults.get(k), knobs.get(k), k + " keeps its default (docs/calibration.md)");
            }
        }
        assertEquals("2026-01-01", knobs.get("supply.productionStart"));
        assertEquals(List.of("ByteDance", "Alibaba", "Tencent", "DeepSeek", "JD", "Others"),
                h.firms().stream().map(Firm::name).toList());
    }

    @Test
    void whatIfsBranchFromTheRecordByOneDecision() {
        Scenario h = NamedScenarios.historical2026();
        for (dev.chipflow.scenarios.NamedScenario n : NamedScenarios.scenarios()) {
            if (!n.name().startsWith(NamedScenarios.PERMITS_JULY) && !n.name().equals(NamedScenarios.PERMITS_OCTOBER)) {
                continue;
            }
            Scenario s = n.scenario();
            assertEquals(h.withoutTimeline().toBuilder().name(s.name()).build(), s.withoutTimeline(), n.name());
            List<PolicyChange> extra = new java.util.ArrayList<>(s.timeline().changes());
            extra.removeAll(h.timeline().changes());
            // China permitting purchases is one decision in two rules (conditions final, customs clearing); each
            // branch of the July one adds one more.
            assertEquals(n.name().equals(NamedScenarios.PERMITS_JULY) || n.name().equals(
                    NamedScenarios.PERMITS_OCTOBER) ? 2 : 3, extra.size(), n.name() + " " + extra);
        }
    }

    @Test
    void ordersPlacedIsTheBuilderDefaultsByName() {
        Map<String, String> op = new java.util.HashMap<>(Knobs.values(NamedScenarios.ordersPlaced()));
        Map<String, String> defaults = new java.util.HashMap<>(Knobs.values(Scenario.builder().build()));
        assertEquals("orders-placed", op.remove("name"));
        defaults.remove("name");
        assertEquals(defaults, op);
    }

    @Test
    void historicalReproducesZeroDeliveriesByMid2026AndSaysWhereTheUnitsAre() {
        Scenario h = NamedScenarios.historical2026();
        int d = (int) ChronoUnit.DAYS.between(LocalDate.of(2026, 1, 1), NamedScenarios.RECORD_DATE);
        for (int rep = 0; rep < 3; rep++) {
            SupplyResult r = SupplyModel.run(h, RandomStreams.forReplication(20260101L, rep));
            assertEquals(NamedScenarios.RECORD_DATE, r.series().date(d));
            for (double[] firm : r.series().deliveredByFirm()) {
                assertEquals(0.0, firm[d], "no firm has a delivery by " + NamedScenarios.RECORD_DATE);
            }
            long held = 0;
            for (var f : r.firms()) {
                long[] at = f.unitsAtEnd();
                held += at[Stage.APPROVAL.ordinal()] + at[Stage.CONDITIONS.ordinal()];
            }
            assertEquals(2_000_000, held, "every ordered unit waits for approval or for final conditions");
        }
    }

    @Test
    void everyNamedScenarioBuildsAndIsFoundByName() {
        for (NamedScenario n : NamedScenarios.scenarios()) {
            assertEquals(n.name(), n.scenario().name());
            assertTrue(NamedScenarios.find(n.name()).isPresent());
            assertFalse(n.description().isBlank());
        }
        assertTrue(NamedScenarios.find("nonsense").isEmpty());
    }

    @Test
    void everySweepValueIsAllowedOnItsBase() {
        for (PolicySweep p : NamedScenarios.sweeps()) {
            Scenario base = NamedScenarios.get(p.base());
            assertEquals(p.values().size(), new HashSet<>(p.values()).size(), p.name() + " values are distinct");
            for (PolicySweep.Value v : p.values()) {
                Scenario s = Knobs.set(base, p.knob(), v.knobValue());
                assertEquals(v.knobValue(), Knobs.get(s, p.knob()), p.name() + " " + v.label());
            }
        }
    }

    @Test
    void sweepsCoverTheIssuesRanges() {
        assertEquals(11, NamedScenarios.sweep("cap-ratio").orElseThrow().values().size());
        assertEquals(List.of("1", "2", "4", "6", "8", "12", "16", "20"), labels("lab-lines"));
        assertEquals(9, NamedScenarios.sweep("domestic-ratio").orElseThrow().values().size());
        assertEquals(List.of("Q2", "Q3", "Q4", "never"), labels("production-restart"));
        assertEquals(List.of("75000", "unlimited"), labels("per-firm-cap"));
        Scenario never = Knobs.set(NamedScenarios.ordersPlaced(), "supply.productionStart", "never");
        assertNull(never.supply().productionStart());
    }

    @Test
    void theCustomsSweepKeepsTheJanuaryBlockAndAddsOneOfTheGivenLength() {
        PolicySweep p = NamedScenarios.sweep("customs-block").orElseThrow();
        assertEquals(List.of("0", "15", "30", "60", "90"), labels("customs-block"));
        List<DateWindow> january = NamedScenarios.ordersPlaced().border().customsBlocks();
        for (PolicySweep.Value v : p.values()) {
            Scenario s = Knobs.set(NamedScenarios.ordersPlaced(), p.knob(), v.knobValue());
            int days = Integer.parseInt(v.label());
            assertEquals(january.get(0), s.border().customsBlocks().get(0));
            if (days == 0) {
                assertEquals(january, s.border().customsBlocks());
            } else {
                DateWindow extra = s.border().customsBlocks().get(1);
                assertEquals(NamedScenarios.EXTRA_BLOCK_START, extra.from());
                assertEquals(days, extra.endDay() - extra.startDay(), 0.0);
            }
        }
    }

    @Test
    void stressHasHundredsOfFirmsAndMillionsOfShipmentsThatCanFlow() {
        Scenario s = NamedScenarios.stress();
        assertEquals(300, s.firms().size());
        assertEquals("Firm001", s.firms().get(0).name());
        assertEquals("Firm300", s.firms().get(299).name());
        long units = s.firms().stream().mapToLong(Firm::orderedUnits).sum();
        assertEquals(24_000_000, units);
        assertEquals(3_000_000, units / s.shipmentUnits(), "three million 8-GPU shipments");
        assertEquals(8, s.lab().lotUnits(), "one lot per shipment: the lab stays a busy stage of the load test");
        for (Firm f : s.firms()) {
            long finalApproved = f.approvals().stream().filter(a -> !a.conditional()).mapToLong(Approval::units)
                    .sum();
            assertTrue(finalApproved >= f.orderedUnits(), f.name() + " is approved for all it orders");
        }
        assertEquals(1.0, s.china().conversionShare());
        assertEquals(0.0, s.china().domesticRatio());
        assertTrue(s.supply().inventoryUnits() >= units, "inventory alone covers every order");
        assertEquals(Long.MAX_VALUE, s.us().totalCeiling());
        assertEquals(Long.MAX_VALUE, s.us().perFirmCap());
        double capRoomByMidYear = s.us().capRatio() * s.us().usUnitsPerWeek() * 24;
        assertTrue(capRoomByMidYear >= units, "the cap lets every unit through within the year");
        double testsPerDay = s.lab().lines() / s.lab().baseDays().mean();
        assertTrue(testsPerDay * 180 >= units / s.shipmentUnits(), "the lab tests every shipment within the year");
    }

    private static List<String> labels(String sweep) {
        return NamedScenarios.sweep(sweep).orElseThrow().values().stream().map(PolicySweep.Value::label).toList();
    }
}
