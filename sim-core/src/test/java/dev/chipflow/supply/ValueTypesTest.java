package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value types of the supply model, at the edges their Javadoc states. */
class ValueTypesTest {

    private static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);

    private static FirmResult result(String name, long delivered, long[] attributed) {
        long[] atEnd = new long[Stage.values().length];
        return new FirmResult(name, 10, 10, 10, 10, 10, 10, delivered, 0, 5, 5, 5,
                new double[Stage.WAITING_STAGES], attributed, 0, atEnd);
    }

    private static long[] attributed(int... stageUnits) {
        long[] a = new long[Stage.WAITING_STAGES];
        for (int i = 0; i < stageUnits.length; i += 2) {
            a[stageUnits[i]] = stageUnits[i + 1];
        }
        return a;
    }

    /** Largest attribution wins; on a tie the earlier stage; nothing attributed (all zero) -> null. */
    @Test
    void bindingStageIsTheLargestAttributionTiesToTheEarlierStage() {
        assertNull(result("A", 0, attributed()).bindingStage());
        // CONVERSION 5 and CAP 5 tie: the earlier, CONVERSION.
        assertEquals(Stage.CONVERSION, result("A", 0, attributed(Stage.CONVERSION.ordinal(), 5,
                Stage.CAP.ordinal(), 5)).bindingStage());
        // APPROVAL (the first stage, index 0) 9 beats CAP 3, a later and smaller attribution.
        assertEquals(Stage.APPROVAL, result("A", 0, attributed(Stage.APPROVAL.ordinal(), 9,
                Stage.CAP.ordinal(), 3)).bindingStage());
        // CAP 6 beats CONVERSION 5.
        assertEquals(Stage.CAP, result("A", 0, attributed(Stage.CONVERSION.ordinal(), 5,
                Stage.CAP.ordinal(), 6)).bindingStage());
    }

    @Test
    void firmResultEqualityHashAndText() {
        FirmResult a = result("A", 7, attributed(Stage.CAP.ordinal(), 3));
        FirmResult same = result("A", 7, attributed(Stage.CAP.ordinal(), 3));
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, result("B", 7, attributed(Stage.CAP.ordinal(), 3)));
        assertNotEquals(a, result("A", 8, attributed(Stage.CAP.ordinal(), 3)));
        assertNotEquals(a, result("A", 7, attributed(Stage.CAP.ordinal(), 4)));
        assertNotEquals(a, "A");
        // hashCode = 31 * name.hashCode() + Long.hashCode(delivered) + Arrays.hashCode(attributedUnits): "A" is 65,
        // delivered 7; the attribution array hashes as 31^n + ... over its entries (Arrays.hashCode, by definition).
        assertEquals(31 * 65 + 7 + java.util.Arrays.hashCode(attributed(Stage.CAP.ordinal(), 3)), a.hashCode());
        assertEquals("A[ordered=10, approved=10, converted=10, allocated=10, licensed=10, exported=10, delivered=7]",
                a.toString());
    }

    @Test
    void stageDescriptionAndSeriesDate() {
        assertEquals("Delivered", Stage.DELIVERED.description());
        assertEquals("At Chinese customs", Stage.CUSTOMS.description());
        DailySeries s = new DailySeries(2, new double[0][], new double[2], new double[2], new double[2], new double[2],
                new double[2], new double[2], new double[2], new double[2]);
        // Index 0 is day 0 = 2026-01-01; index 31 is 2026-02-01.
        assertEquals(JAN1, s.date(0));
        assertEquals(LocalDate.of(2026, 2, 1), s.date(31));
    }

    @Test
    void aKnobIsAnAssumptionWhenItsTrustSaysSoInAnyCase() {
        Knob k = new Knob("x", "u", "d", "a", "-", "s", "Assumption", s -> "", (b, v) -> b, "fixed: x");
        assertTrue(k.isAssumption());
        assertFalse(new Knob("x", "u", "d", "a", "-", "s", "H", s -> "", (b, v) -> b, "fixed: x").isAssumption());
        assertTrue(Knobs.knob("ndrc.conditionDays").isAssumption());
        assertFalse(Knobs.knob("china.clearance").isAssumption());
    }

    /** Units must be positive: 1 is allowed, 0 refused; a firm's rank is allowed in [0, 1,000,000]. */
    @Test
    void ordersApprovalsAndRanksAtTheirEdges() {
        assertEquals(1, new Order(JAN1, 1).units());
        assertThrows(IllegalArgumentException.class, () -> new Order(JAN1, 0));
        assertEquals(1, new Approval(JAN1, 1, false).units());
        assertThrows(IllegalArgumentException.class, () -> new Approval(JAN1, 0, true));
        assertEquals(0, new Firm("F", List.of(), List.of(), 0).priority());
        assertEquals(1_000_000, new Firm("F", List.of(), List.of(), Firm.MAX_PRIORITY).priority());
        assertThrows(InvalidKnobException.class, () -> new Firm("F", List.of(), List.of(), -1));
        assertThrows(InvalidKnobException.class, () -> new Firm("F", List.of(), List.of(), 1_000_001));
    }

    @Test
    void aResultNamesAFirmItDoesNotHave() {
        SupplyResult r = RuleFixtures.run(RuleFixtures.frictionless()
                .firms(List.of(RuleFixtures.firm("F", 0, "2026-01-01", 1))).build());
        assertEquals("F", r.firm("F").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.firm("G"));
        assertEquals("no firm named 'G' in the result", e.getMessage());
    }

    @Test
    void datesFromTheEpochToTheLastAreAllowed() {
        assertDoesNotThrow(() -> Calendar.check("k", Calendar.EPOCH));
        assertDoesNotThrow(() -> Calendar.check("k", Calendar.LAST));
        assertThrows(InvalidKnobException.class, () -> Calendar.check("k", Calendar.EPOCH.minusDays(1)));
        assertThrows(InvalidKnobException.class, () -> Calendar.check("k", Calendar.LAST.plusDays(1)));
    }
}
