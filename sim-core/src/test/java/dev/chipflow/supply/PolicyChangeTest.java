package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A dated change as a value, and the registry's word on what each knob's change does. */
class PolicyChangeTest {

    private static final LocalDate D = LocalDate.of(2026, 9, 1);

    @Test
    void aChangeNeedsADateAKnobAndAValueAndTrimsThem() {
        PolicyChange c = new PolicyChange(D, " cap.ratio ", " 0.25 ", null, " ");
        assertEquals("cap.ratio", c.knob());
        assertEquals("0.25", c.value());
        assertEquals("-", c.source(), "no source is written '-'");
        assertEquals("-", c.trust(), "a blank trust is written '-'");
        assertEquals("cap.ratio@2026-09-01", c.label());
        assertEquals("Reuters", new PolicyChange(D, "cap.ratio", "0.25", " Reuters ", "H").source());
        assertEquals("H", new PolicyChange(D, "cap.ratio", "0.25", "Reuters", " H ").trust());
        InvalidKnobException noDate = assertThrows(InvalidKnobException.class,
                () -> new PolicyChange(null, "cap.ratio", "0.25"));
        assertEquals("cap.ratio@null", noDate.knob());
        assertEquals("timeline", assertThrows(InvalidKnobException.class,
                () -> new PolicyChange(D, " ", "0.25")).knob());
        assertEquals("timeline", assertThrows(InvalidKnobException.class,
                () -> new PolicyChange(D, null, "0.25")).knob());
        assertEquals("cap.ratio@2026-09-01", assertThrows(InvalidKnobException.class,
                () -> new PolicyChange(D, "cap.ratio", null)).knob());
    }

    /**
     * Every knob of the registry says what a change from a date does, or why it cannot change; the ones that cannot
     * are exactly the ones that define the run, hold day-0 stocks, are dates or dated windows already, or cannot be
     * undone mid-run.
     */
    @Test
    void everyKnobSaysWhatAChangeFromADateDoes() {
        Set<String> fixed = new TreeSet<>();
        for (Knob k : Knobs.all()) {
            assertFalse(k.onChange().isBlank(), k.name());
            if (!k.changesMidRun()) {
                fixed.add(k.name());
                assertTrue(k.onChange().length() > "fixed: ".length() + 5, k.name() + " says why");
            } else {
                assertTrue(k.onChange().contains("D") || k.onChange().contains("from"), k.name());
            }
        }
        assertEquals(new TreeSet<>(List.of("name", "horizon.end", "china.clearance", "domestic.initialStock",
                "supply.inventory", "supply.productionStart", "supply.halts", "licence.policyStart", "licence.scope",
                "cap.rollingDays", "lab.required", "shipment.units", "market.priceUsd", "market.usTakeShare")), fixed);
        assertThrows(IllegalStateException.class, () -> MidRun.of("no.such.knob"));
    }

    /** whyFixed is MidRun's reason for a fixed knob, without the prefix; a knob that can change has none. */
    @Test
    void whyFixedIsTheReasonAlone() {
        assertEquals("orders are cut into shipments on day 0", Knobs.knob("shipment.units").whyFixed());
        for (Knob k : Knobs.all()) {
            if (!k.changesMidRun()) {
                assertEquals(MidRun.FIXED.get(k.name()), k.whyFixed(), k.name());
            }
        }
        assertThrows(IllegalStateException.class, () -> Knobs.knob("cap.ratio").whyFixed());
    }
}
