package dev.chipflow.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.supply.Firm;
import dev.chipflow.supply.InvalidKnobException;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {

    @TempDir
    Path tmp;

    private static ScenarioFile parse(String... lines) {
        return ScenarioFile.parse("test.scenario", List.of(lines));
    }

    private static String error(String... lines) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(lines).scenario());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsKnobsCommentsBlankLinesAndTheBase() {
        ScenarioFile f = parse(
                "# a comment",
                "",
                "base = historical-2026",
                "  cap.ratio = 0.25   # trailing comment",
                "lab.lines=8",
                "customs.blocks = 2026-01-14..2026-01-28, 2026-06-01..2026-06-30");
        assertEquals("historical-2026", f.base());
        assertEquals("test.scenario:3", f.baseOrigin());
        Scenario s = f.scenario();
        assertEquals("historical-2026", s.name());
        assertEquals(0.25, s.us().capRatio());
        assertEquals(8, s.lab().lines());
        assertEquals(2, s.border().customsBlocks().size());
        assertEquals("75000", Knobs.values(s).get("licence.perFirmCap@2026-03-03"), "the base's own timeline stays");
    }

    @Test
    void aFileThatSetsNothingIsAnError() {
        assertEquals("test.scenario: sets nothing (the file is empty); expected at least 'base = NAME' or one "
                + "'knob = value' line", error());
        assertTrue(error("# just a comment", "", "  # indented").contains("sets nothing (the file is only blank "
                + "lines and comments)"));
        assertEquals("orders-placed", parse("base = orders-placed").base(), "a base alone is enough");
    }

    @Test
    void withoutABaseStartsFromOrdersPlaced() {
        ScenarioFile f = parse("cap.ratio = 1");
        assertNull(f.base());
        Scenario s = f.scenario();
        assertEquals(NamedScenarios.ORDERS_PLACED, s.name());
        assertEquals(1.0, s.us().capRatio());
    }

    @Test
    void perFirmKnobsChangeAFirmInPlaceAndAddNewFirmsAtTheEnd() {
        Scenario s = parse(
                "firm.Moonshot.approvals = 2026-02-01:10000:final",
                "firm.Moonshot.orders = 2026-02-01:10000",
                "firm.ByteDance.orders = 2026-01-24:280000").scenario();
        List<String> names = s.firms().stream().map(Firm::name).toList();
        assertEquals(List.of("ByteDance", "Alibaba", "Tencent", "DeepSeek", "JD", "Others", "Moonshot"), names,
                "changing ByteDance keeps its place; a new firm comes last (approvals may precede orders)");
        assertEquals(280_000, s.firms().get(0).orderedUnits());
        assertEquals(10_000, s.firms().get(6).approvedUnits());
        assertEquals("2026-01-24:280000", Knobs.get(s, "firm.ByteDance.orders"));
    }

    @Test
    void knobsCheckedAgainstEachOtherMayComeInAnyOrder() {
        // An order in 2027 needs the later horizon, which comes after it in the file.
        Scenario s = parse("firm.Baidu.orders = 2027-03-01:8000", "horizon.end = 2027-06-30").scenario();
        assertEquals(LocalDate.of(2027, 6, 30), s.horizonEnd());
        assertEquals(8000, s.firms().get(s.firmIndex("Baidu")).orderedUnits());
    }

    @Test
    void aLineWithoutEqualsNamesFileAndLine() {
        String m = error("# header", "cap.ratio 0.25");
        assertTrue(m.startsWith("test.scenario:2: "), m);
        assertTrue(m.contains("knob = value"), m);
    }

    @Test
    void anUnknownKnobNamesTheLineAndSuggestsTheNearestName() {
        String m = error("", "", "cap.ration = 0.25");
        assertTrue(m.startsWith("test.scenario:3: unknown knob 'cap.ration'"), m);
        assertTrue(m.contains("did you mean 'cap.ratio'"), m);
    }

    @Test
    void aValueOutOfRangeNamesTheLineAndTheKnob() {
        String m = error("lab.lines = 4", "cap.ratio = 11");
        assertTrue(m.startsWith("test.scenario:2: knob 'cap.ratio'"), m);
        assertTrue(m.contains("[0, 10]"), m);
    }

    @Test
    void anImpossibleDateNamesTheLine() {
        String m = error("supply.productionStart = 2026-02-30");
        assertTrue(m.startsWith("test.scenario:1: knob 'supply.productionStart' = '2026-02-30'"), m);
    }

    @Test
    void nanIsRefused() {
        String m = error("cap.ratio = NaN");
        assertTrue(m.startsWith("test.scenario:1: knob 'cap.ratio' = 'NaN'"), m);
    }

    @Test
    void aMalformedFirmKnobNamesTheLine() {
        String m = error("firm.ByteDance.orders = 2026-01-24-280000");
        assertTrue(m.startsWith("test.scenario:1: knob 'firm.ByteDance.orders'"), m);
        assertTrue(error("firm.ByteDance.order = 2026-01-24:1").startsWith("test.scenario:1: unknown knob"));
    }

    @Test
    void aKnobSetTwiceIsAnError() {
        String m = error("cap.ratio = 0.2", "cap.ratio = 0.3");
        assertEquals("test.scenario:2: 'cap.ratio' is set twice (first on line 1)", m);
    }

    @Test
    void anUnknownBaseIsAnError() {
        String m = error("base = history");
        assertTrue(m.startsWith("test.scenario:1: unknown base scenario 'history'"), m);
    }

    @Test
    void anEmptyValueIsAnError() {
        assertEquals("test.scenario:1: no value for 'cap.ratio'", error("cap.ratio ="));
    }

    @Test
    void aMissingFileIsOneLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioFile.read(tmp.resolve("none.scenario")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void readsAFileFromDiskAndTheShippedExample() throws IOException {
        Path f = tmp.resolve("my.scenario");
        Files.writeString(f, "\uFEFFbase = orders-placed\ncap.ratio = 0.3\n");
        assertEquals(0.3, ScenarioFile.read(f).scenario().us().capRatio());
        Path example = Path.of("examples", "tighter-cap.scenario");
        Scenario s = ScenarioFile.read(example).scenario();
        assertEquals("tighter-cap", s.name());
        assertEquals(0.25, s.us().capRatio());
        assertEquals(400_000, s.firms().get(0).orderedUnits());
        assertEquals("ByteDance", s.firms().get(0).name());
    }

    @Test
    void commandLineAssignmentsReportInvalidKnobExceptionsUnchanged() {
        Scenario base = NamedScenarios.ordersPlaced();
        assertThrows(InvalidKnobException.class, () -> KnobAssignments.apply(base,
                List.of(KnobAssignment.parse("cap.ratio=-1"))));
        ScenarioException e = assertThrows(ScenarioException.class, () -> KnobAssignments.apply(base,
                List.of(KnobAssignment.parse("nonsense=1"))));
        assertTrue(e.getMessage().startsWith("unknown knob 'nonsense'"), e.getMessage());
        assertThrows(ScenarioException.class, () -> KnobAssignment.parse("cap.ratio"));
    }

    @Test
    void laterAssignmentsWin() {
        Scenario s = KnobAssignments.apply(NamedScenarios.ordersPlaced(), List.of(
                KnobAssignment.parse("cap.ratio=0.1"), KnobAssignment.parse("cap.ratio=0.9")));
        assertEquals(0.9, s.us().capRatio());
    }

    /**
     * {@code knob@date=value} on the command line: by the grammar, the knob is what precedes '@' (trimmed), the date
     * what lies between '@' and '=', the value what follows '='. The label, which may be set once, is
     * {@code knob@date}; with no '@' the date is null and the label the knob alone.
     */
    @Test
    void setReadsADatedChange() {
        KnobAssignment a = KnobAssignment.parse("cap.ratio @2026-09-01= 0.25");
        assertEquals("cap.ratio", a.knob());
        assertEquals(LocalDate.of(2026, 9, 1), a.date());
        assertEquals("0.25", a.value());
        assertNull(a.origin());
        assertEquals("cap.ratio@2026-09-01", a.label());
        KnobAssignment undated = KnobAssignment.parse("cap.ratio=0.25");
        assertNull(undated.date());
        assertEquals("cap.ratio", undated.label());
        assertEquals("--set '@2026-09-01=1': no knob name before '@'",
                assertThrows(ScenarioException.class, () -> KnobAssignment.parse("@2026-09-01=1")).getMessage());
        assertTrue(assertThrows(ScenarioException.class, () -> KnobAssignment.parse("cap.ratio@2026-13-01=1"))
                .getMessage().startsWith("--set 'cap.ratio@2026-13-01=1': '2026-13-01' after '@' is not a date "
                        + "YYYY-MM-DD"));
    }

    /**
     * A file line {@code knob @ date = value} becomes one change of the scenario's timeline, its source the file and
     * line, its trust unknown ("-"); the knob's value for the whole run stays the base's. The same knob may be set
     * for the whole run and from a date in one file (two labels); the same knob and date twice is an error naming
     * both lines.
     */
    @Test
    void aFileLineWithADateIsAChangeFromThatDate() {
        Scenario base = NamedScenarios.ordersPlaced();
        Scenario s = parse("lab.lines = 6", "cap.ratio @ 2026-09-01 = 0.25", "cap.ratio = 0.75").scenario();
        assertEquals(List.of(new PolicyChange(LocalDate.of(2026, 9, 1), "cap.ratio", "0.25", "test.scenario:2",
                "-")), s.timeline().changes());
        assertEquals("0.75", Knobs.get(s, "cap.ratio"), "the undated line sets the whole run's value");
        assertEquals("0.75; 0.25 from 2026-09-01", Knobs.valueOverTime(s, "cap.ratio"));
        assertTrue(base.timeline().changes().isEmpty(), "orders-placed has no timeline of its own");
        assertEquals("test.scenario:2: 'cap.ratio@2026-09-01' is set twice (first on line 1)",
                error("cap.ratio @ 2026-09-01 = 0.2", "cap.ratio@2026-09-01 = 0.3"));
        assertTrue(error("cap.ratio @ 2026-09-31 = 0.2").startsWith("test.scenario:1: '2026-09-31' after '@' is "
                + "not a date"));
    }

    /**
     * Dated changes are applied after every undated knob, so a change may lie beyond the base's horizon
     * (2026-12-31) when the same file moves the horizon later, whatever the order of the lines. Without the
     * horizon line the same change is refused, naming the file's line.
     */
    @Test
    void datedChangesComeAfterTheKnobsTheyDependOn() {
        Scenario s = parse("cap.ratio @ 2027-03-01 = 0.25", "horizon.end = 2027-06-30").scenario();
        assertEquals("0.25", Knobs.values(s).get("cap.ratio@2027-03-01"));
        String m = error("lab.lines = 6", "cap.ratio @ 2027-03-01 = 0.25");
        assertTrue(m.startsWith("test.scenario:2: ") && m.contains("cap.ratio@2027-03-01")
                && m.contains("horizon.end = 2026-12-31"), m);
    }

    /**
     * From the command line a dated change's source is "--set"; a later assignment of the same knob and date
     * replaces the earlier, while the same knob on another date is another change.
     */
    @Test
    void laterDatedAssignmentsOfTheSameDateWin() {
        Scenario s = KnobAssignments.apply(NamedScenarios.ordersPlaced(), List.of(
                KnobAssignment.parse("cap.ratio@2026-09-01=0.1"), KnobAssignment.parse("cap.ratio@2026-10-01=0.2"),
                KnobAssignment.parse("cap.ratio@2026-09-01=0.9")));
        // The timeline keeps its changes in date order.
        assertEquals(List.of(new PolicyChange(LocalDate.of(2026, 9, 1), "cap.ratio", "0.9", "--set", "-"),
                new PolicyChange(LocalDate.of(2026, 10, 1), "cap.ratio", "0.2", "--set", "-")),
                s.timeline().changes());
    }
}
