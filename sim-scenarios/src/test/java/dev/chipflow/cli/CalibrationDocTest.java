package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * docs/calibration.md is generated from the knob registry by {@code chipflow knobs --format markdown}; these tests
 * keep the committed page equal to what the registry gives now, so a knob cannot change without its documentation.
 */
class CalibrationDocTest {

    /** The committed page; Surefire runs in the module's directory, the page is at the repository root. */
    private static final Path PAGE = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/calibration.md").normalize();

    private static String markdown(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "knobs";
        System.arraycopy(extra, 0, args, 1, extra.length);
        args[extra.length + 1] = "--format";
        args[extra.length + 2] = "markdown";
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    @Test
    void committedPageIsWhatTheRegistryGives() throws IOException {
        assertTrue(Files.isRegularFile(PAGE), PAGE + " is missing; from the repository root run: "
                + KnobsMarkdown.REGENERATE);
        assertEquals(Files.readString(PAGE, StandardCharsets.UTF_8), markdown(),
                "docs/calibration.md differs from the knob registry; after building "
                        + "(mvn -B -DskipTests package), regenerate it from the repository root with: "
                        + KnobsMarkdown.REGENERATE + " (then review the diff and commit it)");
    }

    @Test
    void pageIsTheSameOnEveryRun() {
        assertEquals(markdown(), markdown());
    }

    @Test
    void everyKnobHasOneRowOfFiguresAndOneOfMeaning() {
        String page = markdown();
        for (Knob k : Knobs.all()) {
            long rows = page.lines().filter(l -> l.startsWith("| `" + k.name() + "` |")).count();
            assertEquals(2, rows, k.name());
            assertTrue(page.contains(KnobsMarkdown.cell(k.source())), k.name() + " source");
            String change = k.changesMidRun() ? k.onChange() : k.whyFixed();
            assertTrue(page.contains(KnobsMarkdown.cell(change)), k.name() + " from a date");
        }
    }

    @Test
    void everyTableRowHasAsManyCellsAsItsHeader() {
        // An unescaped pipe in a knob's text would add a cell and shift the rest of the row.
        int columns = -1;
        for (String l : markdown("historical-2026").lines().toList()) {
            if (!l.startsWith("|")) {
                columns = -1;
                continue;
            }
            int cells = l.replace("\\|", "").split("\\|", -1).length;
            if (columns < 0) {
                columns = cells;
            }
            assertEquals(columns, cells, l);
        }
    }

    @Test
    void cellsEscapePipesAndLineBreaks() {
        assertEquals("DATE:UNITS:conditional\\|final, next",
                KnobsMarkdown.cell("DATE:UNITS:conditional|final,\nnext"));
    }

    @Test
    void aScenarioGetsItsOwnColumn() {
        String page = markdown("historical-2026");
        assertTrue(page.contains("| knob | default | in historical-2026 | allowed |"), page);
        assertTrue(page.contains("| `licence.perFirmCap` | `unlimited` | `unlimited; 75000 from 2026-03-03` |"), page);
    }

    @Test
    void csvIsAnAliasOfFormatCsvAndPlainStaysTheDefault() {
        Cli.Result alias = Cli.run("knobs", "--csv");
        Cli.Result format = Cli.run("knobs", "--format", "csv");
        assertEquals(0, alias.exit(), alias.err());
        assertEquals(alias.out(), format.out());
        assertEquals(Cli.run("knobs").out(), Cli.run("knobs", "--format", "plain").out());
        Cli.Result both = Cli.run("knobs", "--csv", "--format", "markdown");
        assertEquals(ChipflowCli.USAGE, both.exit());
        assertEquals(1, both.errLines().length, both.err());
    }

    @Test
    void pageHoldsNothingOfTheBuildAndEndsLinesTheSameEverywhere() {
        String page = markdown();
        if (!BuildInfo.version().equals("unknown")) {
            assertFalse(page.contains(BuildInfo.version()), "no version");
        }
        if (!BuildInfo.gitCommit().equals("unknown")) {
            assertFalse(page.contains(BuildInfo.gitCommit()), "no commit");
        }
        assertFalse(page.contains("\r"), "\\n line ends on every platform");
        assertTrue(page.endsWith("\n"));
        assertFalse(Arrays.stream(page.split("\n")).anyMatch(l -> l.endsWith(" ")), "no trailing spaces");
    }
}
