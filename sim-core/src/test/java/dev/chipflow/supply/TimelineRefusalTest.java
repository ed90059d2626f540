package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a timeline refuses, when the scenario is built: an {@link InvalidKnobException} whose message names the change
 * as {@code knob@date}, the value given and what is allowed. Refused: a knob that cannot change mid-run (MidRun.FIXED,
 * with its reason), a per-firm knob, a date after horizon.end, the same knob twice on one date, a value the knob
 * refuses, an unknown knob.
 */
class TimelineRefusalTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 1);

    private static InvalidKnobException refused(Scenario.Builder b) {
        return assertThrows(InvalidKnobException.class, b::build);
    }

    private static void assertNames(InvalidKnobException e, String label, String value, String allowed) {
        String m = e.getMessage();
        assertEquals(label, e.knob());
        assertEquals(value, e.value());
        assertTrue(m.contains("'" + label + "'"), m);
        assertTrue(m.contains("'" + value + "'"), m);
        assertTrue(m.contains(allowed), "expected '" + allowed + "' in: " + m);
    }

    /** Each fixed knob is refused with the reason MidRun gives for it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "horizon.end     | 2026-06-30 | it defines the run itself",
        "shipment.units  | 1000       | orders are cut into shipments on day 0",
        "cap.rollingDays | 30         | the cap's window cannot change shape mid-run",
        "lab.required    | false      | shipments already past the cap cannot be sent back to the lab",
        "supply.inventory| 100        | it is the inventory on day 0"})
    void aFixedKnobIsRefusedWithItsReason(String knob, String value, String reason) {
        InvalidKnobException e = refused(Scenario.builder().change(D, knob, value));
        assertNames(e, knob + "@2026-03-01", value, "a knob that can change mid-run; " + knob + " cannot ("
                + reason + ")");
    }

    @Test
    void aFirmKnobIsRefused() {
        InvalidKnobException e = refused(Scenario.builder().change(D, "firm.ByteDance.orders", "2026-03-01:1000"));
        assertNames(e, "firm.ByteDance.orders@2026-03-01", "2026-03-01:1000", "a rule or rate knob");
    }

    /** horizon.end 2026-12-31: a change on that date is allowed (it acts on the last day), one after it is not. */
    @Test
    void aDateAfterTheHorizonIsRefused() {
        Scenario.builder().change(LocalDate.of(2026, 12, 31), "cap.ratio", "0.25").build();
        InvalidKnobException e = refused(Scenario.builder().change(LocalDate.of(2027, 1, 1), "cap.ratio", "0.25"));
        assertNames(e, "cap.ratio@2027-01-01", "0.25", "a date up to horizon.end = 2026-12-31");
    }

    /** Twice on one date is refused, whatever the values; on two dates it is a timeline. */
    @Test
    void theSameKnobTwiceOnOneDateIsRefused() {
        InvalidKnobException e = refused(Scenario.builder().change(D, "cap.ratio", "0.25")
                .change(D, "cap.ratio", "0.3"));
        assertNames(e, "cap.ratio@2026-03-01", "0.3", "one change of a knob per date; cap.ratio changes twice on "
                + "2026-03-01");
        Scenario.builder().change(D, "cap.ratio", "0.25").change(D.plusDays(1), "cap.ratio", "0.3")
                .change(D, "lab.lines", "2").build();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "cap.ratio                   | -1  | a number in [0, 10]",
        "china.conversionShare       | 1.5 | a number in [0, 1]",
        "licence.approvalProbability | 2   | a number in [0, 1]",
        "lab.lines                   | 0   | a whole number",
        "transit.days                | -3  | distribution"})
    void aBadValueIsRefusedWithWhatIsAllowed(String knob, String value, String allowed) {
        InvalidKnobException e = refused(Scenario.builder().change(D, knob, value));
        assertNames(e, knob + "@2026-03-01", value, allowed);
    }

    @Test
    void anUnknownKnobIsRefused() {
        InvalidKnobException e = refused(Scenario.builder().change(D, "cap.ratoi", "0.25"));
        assertNames(e, "cap.ratoi@2026-03-01", "0.25", "one of [");
    }

    /**
     * What the timeline reports: each change with the value in force before it and from its date, in date order
     * (same date: as listed), values written as the knob writes them.
     */
    @Test
    void entriesGiveTheValueBeforeAndFromEachChange() {
        Scenario s = Scenario.builder().capRatio(0.5)
                .change(LocalDate.of(2026, 9, 1), "cap.ratio", "unlimited")
                .change(LocalDate.of(2026, 3, 1), "cap.ratio", "0.25")
                .change(LocalDate.of(2026, 3, 1), "lab.lines", "2").build();
        List<String> entries = s.timelineEntries().stream()
                .map(e -> e.change().label() + " " + e.from() + " -> " + e.to()).toList();
        assertEquals(List.of("cap.ratio@2026-03-01 0.5 -> 0.25", "lab.lines@2026-03-01 4 -> 2",
                "cap.ratio@2026-09-01 0.25 -> unlimited"), entries);
    }
}
