package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.Distribution;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad knobs get an error naming the knob, the value and what is allowed; good ones round-trip. */
class ScenarioValidationTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "cap.ratio|-0.5|[0, 10]",
        "cap.ratio|NaN|[0, 10]",
        "cap.ratio|11|[0, 10]",
        "lab.lines|0|[1, unlimited]",
        "lab.failureShare|0.99|[0, 0.95]",
        "china.conversionShare|1.5|[0, 1]",
        "supply.inventory|-1|[0, ",
        "domestic.ratio|-1|[0, 10]",
        "licence.reviewDays|tri(3,2,1)|distribution",
        "licence.reviewDays|gauss(3)|unknown distribution",
        "lab.baseDays|exp(-1)|distribution",
        "horizon.end|2026-02-30|date",
        "horizon.end|2025-06-01|2026-01-01",
        "customs.blocks|2026-03-01..2026-02-01|before it starts",
        "supply.allocation|RANDOM|FCFS",
        "cap.usUnitsPerWeek|100.5|whole",
        "cap.split|maybe|true or false",
        "cap.ratio|0.|plain decimal",
        "cap.ratio|Infinity|plain decimal",
        "cap.ratio|1e308|[0, 10]",
        "lab.lotUnits|0|[1, ",
        "lab.daysPerUnit|2|mean at most 1",
        "shipment.units|1.5|whole",
        "cap.rollingDays|99999999999|whole",
        "firm.ByteDance.priority|2000000|[0, 1000000]",
        // A long range whose top is Long.MAX_VALUE reads "unlimited"; any other top is written out.
        "licence.perFirmCap|-1|[0, unlimited]",
        "supply.inventory|-1|[0, 1000000000000]",
        // Every duration: a mean just beyond 3650 days is refused.
        "ndrc.conditionDays|3651|mean at most 3650",
        "china.conversionDays|3651|mean at most 3650",
        "licence.reviewDays|3651|mean at most 3650",
        "lab.baseDays|3651|mean at most 3650",
        "transit.days|3651|mean at most 3650",
        "customs.clearanceDays|3651|mean at most 3650",
        "lab.daysPerUnit|1.5|mean at most 1",
        // A Pareto of shape 1 has no finite mean.
        "licence.reviewDays|pareto(30,1)|mean at most 3650",
        // Every other range and date check, just beyond its edge.
        "domestic.outputPerYear|-1|[0, 10000000000]",
        "domestic.initialStock|-1|[0, 10000000000]",
        "supply.productionPerWeek|-1|[0, 1000000000]",
        "licence.approvalProbability|1.5|[0, 1]",
        "licence.totalCeiling|-1|[0, unlimited]",
        "cap.rollingDays|3651|[0, 3650]",
        "cap.usUnitsPerWeek|-1|[0, 1000000000]",
        "shipment.units|10000001|[1, 10000000]",
        "market.priceUsd|-1|[0, 10000000]",
        "market.usTakeShare|1.5|[0, 1]",
        "china.clearance|2025-12-31|2026-01-01",
        "supply.productionStart|2036-01-01|2035-12-31",
        "licence.policyStart|2025-12-31|2026-01-01",
        "supply.halts|2025-12-01..2025-12-05|2026-01-01",
        "customs.blocks|2026-03-01..2036-01-05|2035-12-31"})
    void badKnobNamesKnobValueAndRange(String knob, String value, String allowedHint) {
        InvalidKnobException e = assertThrows(InvalidKnobException.class,
                () -> Knobs.set(Scenario.builder().build(), knob, value));
        assertTrue(e.getMessage().contains(knob), e.getMessage());
        assertTrue(e.getMessage().contains(value.toLowerCase()) || e.getMessage().contains(value), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains(allowedHint.toLowerCase()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void unknownKnobAndUnknownFirmAreNamed() {
        Scenario s = Scenario.builder().build();
        InvalidKnobException unknown = assertThrows(InvalidKnobException.class, () -> Knobs.set(s, "cap.ration",
                "0.5"));
        assertTrue(unknown.getMessage().contains("cap.ration") && unknown.getMessage().contains("cap.ratio"));
        InvalidKnobException firm = assertThrows(InvalidKnobException.class,
                () -> Knobs.set(s, "firm.Baidu.approvals", "2026-02-01:1000:final"));
        assertTrue(firm.getMessage().contains("Baidu") && firm.getMessage().contains("ByteDance"), firm.getMessage());
        assertThrows(InvalidKnobException.class, () -> s.firmIndex("Baidu"));
    }

    @Test
    void unlimitedIsTheOnlySpellingOfNoCap() {
        // Infinity is refused above; 'unlimited' is the documented spelling and reads back as itself.
        Scenario s = Knobs.set(Scenario.builder().build(), "cap.ratio", "unlimited");
        assertEquals(Double.POSITIVE_INFINITY, s.us().capRatio());
        assertEquals("unlimited", Knobs.get(s, "cap.ratio"));
    }

    @Test
    void firmNamesDifferingOnlyInCaseAreRefused() {
        // Setting orders of "bytedance" would add a second firm that a reader takes for ByteDance.
        InvalidKnobException e = assertThrows(InvalidKnobException.class,
                () -> Knobs.set(Scenario.builder().build(), "firm.bytedance.orders", "2026-02-01:8000"));
        assertTrue(e.getMessage().contains("bytedance") && e.getMessage().contains("ByteDance")
                && e.getMessage().contains("ignoring case"), e.getMessage());
    }

    @Test
    void anOrderAfterTheHorizonIsRefusedNotDropped() {
        InvalidKnobException e = assertThrows(InvalidKnobException.class,
                () -> Knobs.set(Scenario.builder().build(), "firm.Baidu.orders", "2027-02-01:8000"));
        assertEquals("firm.Baidu.orders", e.knob());
        assertTrue(e.getMessage().contains("2027-02-01") && e.getMessage().contains("horizon.end = 2026-12-31"),
                e.getMessage());
        InvalidKnobException a = assertThrows(InvalidKnobException.class,
                () -> Knobs.set(Scenario.builder().build(), "firm.ByteDance.approvals", "2027-01-05:100:final"));
        assertEquals("firm.ByteDance.approvals", a.knob());
    }

    @Test
    void aConflictNamesTheKnobTheUserSetThenTheOneItConflictsWith() {
        // The default orders are dated 2026-01-01 to 2026-01-30: a horizon ending 2026-01-10 leaves some outside.
        InvalidKnobException e = assertThrows(InvalidKnobException.class,
                () -> Knobs.set(Scenario.builder().build(), "horizon.end", "2026-01-10"));
        assertEquals("horizon.end", e.knob());
        assertEquals("2026-01-10", e.value());
        assertTrue(e.getMessage().startsWith("knob 'horizon.end' = '2026-01-10'") && e.getMessage().contains(
                "firm.ByteDance.orders"), e.getMessage());
        // shipment.units = 1 is a valid shipment size: nothing else constrains it any more.
        assertEquals(1, Knobs.set(Scenario.builder().build(), "shipment.units", "1").shipmentUnits());
    }

    @Test
    void builderValidatesToo() {
        InvalidKnobException e = assertThrows(InvalidKnobException.class,
                () -> Scenario.builder().capRatio(Double.NaN).build());
        assertEquals("cap.ratio", e.knob());
        assertEquals("NaN", e.value());
        assertThrows(InvalidKnobException.class, () -> Scenario.builder().horizonEnd(LocalDate.of(2036, 1, 1))
                .build());
        assertThrows(IllegalArgumentException.class, () -> new DateWindow(LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 1)));
        assertThrows(InvalidKnobException.class, () -> new Firm("Bad Name", java.util.List.of(),
                java.util.List.of(), 0));
    }

    @Test
    void everyKnobRoundTripsThroughItsText() {
        Scenario s = Scenario.builder().capRatio(Double.POSITIVE_INFINITY).productionStart(null)
                .labLines(Integer.MAX_VALUE).build();
        for (Knob k : Knobs.all()) {
            assertEquals(s, k.set(s, k.get(s)), k.name());
        }
        for (String name : Knobs.values(s).keySet()) {
            assertEquals(s, Knobs.set(s, name, Knobs.get(s, name)), name);
        }
    }

    @Test
    void settingOneKnobChangesOnlyThatKnob() {
        Scenario s = Scenario.builder().build();
        Scenario t = Knobs.set(s, "lab.lines", "8");
        assertEquals(8, t.lab().lines());
        assertEquals(s.toBuilder().labLines(8).build(), t);
        Scenario withFirm = Knobs.set(s, "firm.Baidu.orders", "2026-02-01:16000");
        assertEquals(7, withFirm.firms().size());
        assertEquals(16_000, withFirm.firms().get(withFirm.firmIndex("Baidu")).orderedUnits());
    }

    /** The edges are allowed: every duration with mean exactly 3650 days, lab.daysPerUnit with mean exactly 1. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "ndrc.conditionDays|fixed(3650)",
        "china.conversionDays|fixed(3650)",
        "licence.reviewDays|fixed(3650)",
        "lab.baseDays|fixed(3650)",
        "transit.days|fixed(3650)",
        "customs.clearanceDays|fixed(3650)",
        "lab.daysPerUnit|fixed(1)"})
    void aMeanExactlyAtTheLimitIsAllowed(String knob, String value) {
        assertEquals(value, Knobs.get(Knobs.set(Scenario.builder().build(), knob, value), knob));
    }

    @Test
    void aMissingLabDistributionIsNamedAsNull() {
        InvalidKnobException e = assertThrows(InvalidKnobException.class,
                () -> Scenario.builder().labDaysPerUnit(null).build());
        assertEquals("lab.daysPerUnit", e.knob());
        assertEquals("null", e.value());
        // A distribution with too high a mean is named by its spec: fixed 2 days per unit.
        InvalidKnobException two = assertThrows(InvalidKnobException.class,
                () -> Scenario.builder().labDaysPerUnit(Distribution.parse("2")).build());
        assertEquals(Distribution.parse("2").spec(), two.value());
        assertTrue(!two.value().equals("null"), two.value());
    }

    @Test
    void anUnknownFirmIsRefusedNamingTheKnownOnes() {
        Scenario s = Scenario.builder().build();
        InvalidKnobException e = assertThrows(InvalidKnobException.class, () -> s.firmIndex("Baidu"));
        for (Firm f : s.firms()) {
            assertTrue(e.allowed().contains(f.name()), e.allowed());
        }
        assertTrue(e.allowed().contains("[" + s.firms().get(0).name()), e.allowed());
    }

    @Test
    void knobListsHoldEveryKnob() {
        Scenario s = Scenario.builder().build();
        java.util.List<String> names = Knobs.all().stream().map(Knob::name).toList();
        assertTrue(names.containsAll(java.util.List.of("horizon.end", "cap.ratio", "lab.daysPerUnit",
                "shipment.units", "supply.allocation")), names.toString());
        // values: every scenario-wide knob, then three per firm (orders, approvals, priority).
        java.util.Map<String, String> values = Knobs.values(s);
        assertEquals(Knobs.all().size() + 3 * s.firms().size(), values.size());
        assertEquals(Integer.toString(s.lab().lines()), values.get("lab.lines"));
        String firm = s.firms().get(0).name();
        assertEquals(Integer.toString(s.firms().get(0).priority()), values.get("firm." + firm + ".priority"));
    }

    @Test
    void anApprovalIsReadConditionalOrFinalAsWritten() {
        Scenario s = Knobs.set(Scenario.builder().build(), "firm.ByteDance.approvals",
                "2026-02-01:1000:conditional, 2026-02-02:500:final");
        java.util.List<Approval> a = s.firms().get(s.firmIndex("ByteDance")).approvals();
        assertTrue(a.get(0).conditional());
        assertFalse(a.get(1).conditional());
    }

    /** A firm's quantities: one unit beyond MAX_UNITS (10^12) is refused; an approval dated before 2026-01-01 too. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "firm.ByteDance.orders|2026-02-01:1000000000001|[1, 1000000000000]",
        "firm.ByteDance.approvals|2026-02-01:1000000000001:final|[1, 1000000000000]",
        "firm.ByteDance.approvals|2025-12-31:1000:final|from 2026-01-01"})
    void aFirmsQuantitiesAndDatesAreChecked(String knob, String value, String allowedHint) {
        InvalidKnobException e = assertThrows(InvalidKnobException.class,
                () -> Knobs.set(Scenario.builder().build(), knob, value));
        assertEquals(knob, e.knob());
        assertTrue(e.allowed().contains(allowedHint), e.getMessage());
    }

    /** A distribution of the library user's own: one that can go below 0 is refused as a duration. */
    @Test
    void aDurationThatCanBeNegativeIsRefused() {
        Distribution signed = new Distribution() {
            @Override
            public org.apache.commons.rng.sampling.distribution.ContinuousSampler sampler(
                    org.apache.commons.rng.UniformRandomProvider rng) {
                return () -> rng.nextDouble() * 20 - 10;
            }

            @Override
            public double mean() {
                return 0;
            }

            @Override
            public double variance() {
                return 400.0 / 12;
            }

            @Override
            public double min() {
                return -10;
            }

            @Override
            public double max() {
                return 10;
            }

            @Override
            public String spec() {
                return "signed-uniform(-10,10)";
            }
        };
        InvalidKnobException e = assertThrows(InvalidKnobException.class,
                () -> Scenario.builder().transitDays(signed).build());
        assertTrue(e.getMessage().contains("transit.days") && e.getMessage().contains("never negative"),
                e.getMessage());
        InvalidKnobException perUnit = assertThrows(InvalidKnobException.class,
                () -> Scenario.builder().labDaysPerUnit(signed).build());
        assertTrue(perUnit.getMessage().contains("never negative"), perUnit.getMessage());
    }
}
