package dev.chipflow.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.random.Distribution;
import dev.chipflow.supply.InvalidKnobException;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which knobs vary, over what, and what a factor's value does to a scenario. */
class FactorsTest {

    private final Scenario base = Scenario.builder().build();

    @Test
    void calibratedRangesAreReadFromTheRegistryText() {
        assertArrayEquals(new double[] {0, 1}, Factors.calibratedRange("0-1"));
        assertArrayEquals(new double[] {300_000, 800_000}, Factors.calibratedRange("300,000-800,000"));
        assertArrayEquals(new double[] {7, 120}, Factors.calibratedRange("7-120 (mean)"));
        assertArrayEquals(new double[] {0, 0.2}, Factors.calibratedRange("0-0.20"));
        assertNull(Factors.calibratedRange("-"));
        assertNull(Factors.calibratedRange("0-unlimited (75,000 reported)"));
        assertNull(Factors.calibratedRange("8,000 (one default shipment)"));
        assertNull(Factors.calibratedRange("Q2-Q4 2026, or never"));
        assertNull(Factors.calibratedRange("on/off"));
    }

    @Test
    void defaultsAreTheAssumptionsWithNumericRanges() {
        Factors.Selection d = Factors.defaults();
        assertEquals(List.of("ndrc.conditionDays", "china.conversionShare", "domestic.ratio",
                "supply.productionPerWeek", "cap.usUnitsPerWeek", "lab.lines", "lab.baseDays", "lab.failureShare",
                "transit.days", "customs.clearanceDays"), d.knobs());
        for (Factor f : d.factors()) {
            Knob k = Knobs.knob(f.knob());
            assertTrue(k.isAssumption());
            assertEquals("calibrated", f.origin());
            f.check(base);
        }
        // Every other assumption is listed with its reason.
        long assumptions = Knobs.all().stream().filter(Knob::isAssumption).count();
        assertEquals(assumptions, d.factors().size() + d.skipped().size());
        assertTrue(d.skipped().contains(new Factors.Skipped("customs.blocks",
                "calibrated range 'any window' is not a numeric range")));
        assertTrue(d.skipped().contains(new Factors.Skipped("china.conversionDays", "no calibrated range")));
    }

    @Test
    void everyKnobHasTheKindItsAllowedTextSays() {
        for (Knob k : Knobs.all()) {
            Factor.Kind kind = Factor.kindOf(k);
            String v = k.get(base);
            if (kind == null) {
                continue;
            }
            switch (kind) {
                case NUMBER, WHOLE -> assertTrue(v.equals("unlimited") || v.matches("[0-9.]+"), k.name() + " " + v);
                case MEAN -> Distribution.parse(v);
                case DATE_SHIFT -> assertTrue(v.equals("never") || v.matches("\\d{4}-\\d\\d-\\d\\d"), k.name());
                case WINDOW_END_SHIFT -> assertTrue(v.equals("none") || v.contains(".."), k.name());
                default -> throw new AssertionError(kind);
            }
        }
        assertNull(Factor.kindOf(Knobs.knob("cap.split")));
        assertNull(Factor.kindOf(Knobs.knob("horizon.end")));
        assertEquals(Factor.Kind.WHOLE, Factor.kindOf(Knobs.knob("lab.lines")));
    }

    @Test
    void distributionsScaleToTheMeanAndKeepTheirShape() {
        Factor f = Factors.parse("lab.baseDays=5..20");
        assertEquals(Factor.Kind.MEAN, f.kind());
        assertEquals("tri(14,20,26)", f.knobText(base, 20));
        Scenario s = f.apply(base, 5);
        assertEquals(5, s.lab().baseDays().mean(), 1e-12);
        // A distribution with mean 0 becomes fixed(value).
        assertEquals("fixed(0.001)", Factors.parse("lab.daysPerUnit=0..0.002").knobText(base, 0.001));
        // Every form scales.
        for (String d : List.of("fixed(4)", "exp(4)", "uniform(2,6)", "tri(2,4,6)", "lognormal(4,1)", "gamma(2,2)",
                "empirical(2,4,6)")) {
            Distribution scaled = Factor.scale("transit.days", Distribution.parse(d), 2.5);
            assertEquals(10, scaled.mean(), 1e-9, d);
        }
    }

    @Test
    void wholeNumbersAreEquallyLikelyAndDatesShift() {
        Factor lines = Factors.parse("lab.lines=1..4");
        assertEquals(1, lines.value(0));
        assertEquals(1, lines.value(0.2499));
        assertEquals(2, lines.value(0.25));
        assertEquals(4, lines.value(0.99));
        assertEquals(4, lines.value(1));
        // The builder's production start is 2026-04-01; 31 days back is 2026-03-01, so 30 days back is 2026-03-02.
        Factor start = Factors.parse("supply.productionStart=-30..90");
        assertEquals("2026-03-02", start.knobText(base, -30));
        Factor blocks = Factors.parse("customs.blocks=-20..180");
        // The default block 2026-01-14..2026-01-28: its end moves, its start stays; an end before the start drops it.
        assertEquals("2026-01-14..2026-02-27", blocks.knobText(base, 30));
        assertEquals("2026-01-14..2026-01-14", blocks.knobText(base, -14));
        assertEquals("none", blocks.knobText(base, -15));
        Scenario shifted = blocks.apply(base, 30);
        assertEquals("2026-01-14..2026-02-27", Knobs.get(shifted, "customs.blocks"));
    }

    @Test
    void aFactorReplacesADefaultOrAddsAKnob() {
        Factors.Selection s = Factors.select(base, List.of("lab.lines=2..6", "domestic.outputPerYear=300000..800000"),
                true);
        Factor lines = s.factors().get(s.knobs().indexOf("lab.lines"));
        assertEquals(2, lines.low());
        assertEquals("--factor", lines.origin());
        assertEquals("domestic.outputPerYear", s.knobs().get(s.knobs().size() - 1));
        assertEquals(11, s.factors().size());
        Factors.Selection only = Factors.select(base, List.of("customs.blocks=0..60"), false);
        assertEquals(List.of("customs.blocks"), only.knobs());
        assertTrue(only.skipped().isEmpty());
    }

    @Test
    void badFactorsNameWhatIsWrong() {
        assertThrows(InvalidKnobException.class, () -> Factors.parse("lab.linez=1..2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Factors.parse("cap.split=0..1"));
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Factors.parse("lab.lines=1-4"));
        assertTrue(e.getMessage().contains("LOW..HIGH"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Factors.parse("lab.lines=1.5..4"));
        assertTrue(e.getMessage().contains("whole"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Factors.parse("cap.ratio=1..0.5"));
        assertTrue(e.getMessage().contains("LOW above HIGH"), e.getMessage());
        // The knob's own range: refused at the end that breaks it.
        e = assertThrows(IllegalArgumentException.class,
                () -> Factors.select(base, List.of("china.conversionShare=0.5..1.5"), false));
        assertTrue(e.getMessage().startsWith("'china.conversionShare=0.5..1.5' does not fit scenario 'default': knob "
                + "'china.conversionShare' = '1.5' is not allowed: expected a number in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Factors.select(base, List.of("lab.lines=1..2", "lab.lines=2..3"), false));
        assertTrue(e.getMessage().contains("second time"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Factors.select(
                Knobs.set(base, "customs.blocks", "none"), List.of("customs.blocks=0..10"), false));
        assertTrue(e.getMessage().contains("the scenario has none"), e.getMessage());
    }
}
