package dev.chipflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules' lifted forms: valid knob values, the timeline changes they remove, China's approvals per order. */
class RuleTest {

    /** Every lifted value is accepted by its knob and reads back as written: no value outside a knob's syntax. */
    @Test
    void everyLiftedValueIsAKnobValueThatReadsBackAsWritten() {
        Scenario s = Scenario.builder().build();
        for (Rule r : Rule.values()) {
            for (Map.Entry<String, String> e : r.liftedKnobs().entrySet()) {
                if (e.getKey().startsWith("firm.")) {
                    continue;
                }
                Scenario lifted = Knobs.set(s, e.getKey(), e.getValue());
                assertEquals(e.getValue(), Knobs.get(lifted, e.getKey()), r + ": " + e.getKey());
            }
        }
    }

    /**
     * Lifting every rule of a scenario whose timeline changes every rule knob that can change mid-run removes those
     * changes (a dated change would impose the rule again) and keeps the others: here the transit change, which is
     * physical.
     */
    @Test
    void liftingRemovesTheDatedChangesOfTheRulesKnobsAndKeepsTheOthers() {
        Scenario.Builder b = Scenario.builder();
        LocalDate d = LocalDate.of(2026, 3, 1);
        Set<String> ruleKnobs = new HashSet<>();
        for (Rule r : Rule.values()) {
            for (Map.Entry<String, String> e : r.liftedKnobs().entrySet()) {
                if (!e.getKey().startsWith("firm.") && Knobs.knob(e.getKey()).changesMidRun()) {
                    b.change(d, e.getKey(), Knobs.get(Scenario.builder().build(), e.getKey()));
                    ruleKnobs.add(e.getKey());
                }
            }
        }
        b.change(d, "transit.days", "fixed(9)");
        Scenario s = b.build();
        assertEquals(ruleKnobs.size() + 1, s.timeline().changes().size());
        // ndrc x2, conversion x2 (not the clearance date), domestic, licence review x2 (not the policy start),
        // limits x2, cap, customs x2: 12 knobs; supply.inventory, supply.halts and lab.required cannot change mid-run.
        assertEquals(12, ruleKnobs.size());

        Scenario all = Rule.lift(s, EnumSet.allOf(Rule.class));
        assertEquals(List.of(new PolicyChange(d, "transit.days", "fixed(9)")), all.timeline().changes());

        Scenario capOnly = Rule.lift(s, EnumSet.of(Rule.EXPORT_CAP));
        assertEquals("unlimited", Knobs.get(capOnly, "cap.ratio"));
        assertTrue(capOnly.timeline().changes().stream().noneMatch(c -> c.knob().equals("cap.ratio")));
        assertEquals(s.timeline().changes().size() - 1, capOnly.timeline().changes().size());
        assertEquals(Knobs.get(s, "customs.blocks"), Knobs.get(capOnly, "customs.blocks"), "other rules kept");

        assertSame(s, Rule.lift(s, Set.of()), "lifting nothing is the scenario itself");
    }

    /**
     * China's approval lifted: each firm approved, on conditions, for each order on its date. The default ByteDance
     * orders 20,000 on 2026-01-01 and 280,000 on 2026-01-24; Others (900,000 on 2026-01-24) had no approval at all.
     * The NDRC conditions still apply, so with them kept these approvals wait for the NDRC like any conditional one.
     */
    @Test
    void chinaApprovalLiftedApprovesEachOrderOnItsDateOnConditions() {
        Scenario s = Rule.lift(Scenario.builder().build(), EnumSet.of(Rule.CHINA_APPROVAL));
        assertEquals("2026-01-01:20000:conditional, 2026-01-24:280000:conditional",
                Knobs.get(s, "firm.ByteDance.approvals"));
        assertEquals("2026-01-24:900000:conditional", Knobs.get(s, "firm.Others.approvals"));
        assertEquals("true", Knobs.get(s, "ndrc.conditionsFinalize"), "NDRC knobs untouched");
        assertEquals(Knobs.get(Scenario.builder().build(), "ndrc.conditionDays"), Knobs.get(s, "ndrc.conditionDays"));
    }

    /** Orders dated before the calendar starts are approved on its first day (an approval must lie in the calendar). */
    @Test
    void anOrderBefore2026IsApprovedOnItsFirstDay() {
        Scenario s = Knobs.set(Scenario.builder().build(), "firm.JD.orders", "2025-12-01:5000, 2026-02-01:7000");
        Scenario lifted = Rule.lift(s, EnumSet.of(Rule.CHINA_APPROVAL));
        assertEquals("2026-01-01:5000:conditional, 2026-02-01:7000:conditional",
                Knobs.get(lifted, "firm.JD.approvals"));
    }

    /** Ids are unique and name their rule; every lifted knob except China's approvals is a documented knob. */
    @Test
    void idsAndKnobs() {
        Set<String> ids = new HashSet<>();
        for (Rule r : Rule.values()) {
            assertTrue(ids.add(r.id()), r.id());
            assertSame(r, Rule.of(r.id()));
            assertTrue(!r.liftedForm().isBlank() && !r.liftedSettings().isBlank(), r.id());
            for (String k : r.liftedKnobs().keySet()) {
                if (!k.startsWith("firm.")) {
                    Knob knob = Knobs.knob(k);
                    assertEquals(k, knob.name());
                }
            }
        }
        assertEquals(10, ids.size());
        assertThrows(IllegalArgumentException.class, () -> Rule.of("transit"));
    }
}
