package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.scenarios.PolicySweep;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line: help, every command, and one clear line with a non-zero exit for every bad input. */
class ChipflowCliTest {

    @TempDir
    static Path tmp;

    private static void assertOk(Cli.Result r) {
        assertEquals(0, r.exit(), () -> "exit " + r.exit() + ", stderr: " + r.err());
        assertEquals("", r.err(), "nothing on stderr");
    }

    @Test
    void helpListsEveryCommand() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"}, new String[0])) {
            Cli.Result r = Cli.run(args);
            assertOk(r);
            for (String c : List.of("list", "knobs", "run", "compare", "sweep", "explain", "sensitivity", "rerun")) {
                assertTrue(r.out().contains(c), c + " in " + r.out());
            }
        }
    }

    @Test
    void everyCommandHasHelp() {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        try {
            // picocli reports a bad help text (an unescaped '%') on System.err itself, not on the command's stream.
            System.setErr(new PrintStream(direct, true, StandardCharsets.UTF_8));
            for (String c : List.of("list", "knobs", "run", "compare", "sweep", "explain", "sensitivity", "rerun")) {
                Cli.Result r = Cli.run(c, "--help");
                assertOk(r);
                assertTrue(r.out().startsWith("Usage: chipflow " + c), r.out());
                Cli.Result viaHelp = Cli.run("help", c);
                assertEquals(r.out(), viaHelp.out());
            }
        } finally {
            System.setErr(systemErr);
        }
        assertEquals("", direct.toString(StandardCharsets.UTF_8), "help texts format cleanly");
        assertTrue(Cli.run("run", "--help").out().contains("--replications"));
        assertTrue(Cli.run("sweep", "--help").out().contains("--knob2"));
        String explain = Cli.run("explain", "--help").out();
        assertTrue(explain.contains("--budget") && explain.contains("  export-cap (the 50% export cap): no cap on China's shipments\n")
                && explain.contains("      cap.ratio=unlimited\n"), explain);
    }

    @Test
    void versionNamesTheVersion() {
        Cli.Result r = Cli.run("--version");
        assertOk(r);
        assertTrue(r.out().startsWith("chipflow "), r.out());
    }

    @Test
    void listShowsEveryScenarioAndSweep() {
        Cli.Result r = Cli.run("list");
        assertOk(r);
        for (String s : NamedScenarios.scenarioNames()) {
            assertTrue(r.out().contains(s), s);
        }
        for (PolicySweep p : NamedScenarios.sweeps()) {
            assertTrue(r.out().contains(p.name()) && r.out().contains(p.description()), p.name());
        }
    }

    @Test
    void knobsShowsEveryKnobWithItsDocumentation() {
        Cli.Result r = Cli.run("knobs");
        assertOk(r);
        for (Knob k : Knobs.all()) {
            assertTrue(r.out().contains(k.name() + " = "), k.name());
            assertTrue(r.out().contains(k.source()), k.name() + " source");
        }
        assertTrue(r.out().contains("firm.ByteDance.orders = 2026-01-01:20000, 2026-01-24:280000"));
        Cli.Result csv = Cli.run("knobs", "--csv");
        assertOk(csv);
        assertEquals(Knobs.all().size() + 1, csv.out().split("\n").length);
        Cli.Result historical = Cli.run("knobs", "historical-2026");
        assertTrue(historical.out().contains("licence.perFirmCap = unlimited; 75000 from 2026-03-03   (default "
                + "unlimited)"), historical.out());
    }

    /**
     * A firm in B only (Moonshot, ordering 1,000 with no approval) shows in both per-firm tables: ordered 1,000 in B,
     * 0 in A, delivered 0 in both; the other firms are untouched, so B - A is exactly 0 everywhere.
     */
    @Test
    void compareAcceptsScenariosWithDifferentFirms() {
        Cli.Result r = Cli.run("compare", "orders-placed", "orders-placed", "--set-b",
                "firm.Moonshot.orders=2026-02-01:1000", "-r", "3");
        assertOk(r);
        String moonshot = r.out().lines().filter(l -> l.startsWith("Moonshot")).findFirst().orElseThrow();
        assertTrue(moonshot.matches("Moonshot\\s+0\\s+0\\s+0\\s+no"), moonshot);
        assertTrue(r.out().contains("The two scenarios deliver the same on every day of the run."), r.out());
    }

    @Test
    void runPrintsTheTableAndTheHeadline() {
        Cli.Result r = Cli.run("run", "historical-2026", "-r", "3");
        assertOk(r);
        assertTrue(r.out().contains("By 2026-06-30: 0 units"), r.out());
        assertTrue(r.out().contains("Units are held at"), r.out());
        assertTrue(r.out().contains("ndrc-conditions"), r.out());
        for (String firm : List.of("ByteDance", "Alibaba", "Tencent", "DeepSeek", "Others", "all")) {
            assertTrue(r.out().contains(firm), firm);
        }
        assertTrue(r.out().contains("--out DIR"), "hints at --out");
    }

    @Test
    void runTakesSetsAndFilesAndAFileAsTheScenario() throws IOException {
        Path f = tmp.resolve("tight.scenario");
        Files.writeString(f, "base = orders-placed\nname = tight\ncap.ratio = 0\n");
        for (List<String> args : List.of(List.of("run", "--file", f.toString()), List.of("run", f.toString()),
                List.of("run", "orders-placed", "--set", "cap.ratio=0", "--set", "name=tight"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("-r", "2", "-t", "1"));
            Cli.Result r = Cli.run(all.toArray(new String[0]));
            assertOk(r);
            assertTrue(r.out().startsWith("tight: 2 replications"), r.out());
            assertTrue(r.out().contains("By 2026-12-31 (end of the run): 0 units"), "cap 0 delivers nothing");
        }
    }

    @Test
    void compareAndSweepAndGridRun() {
        Cli.Result c = Cli.run("compare", "orders-placed", "orders-placed", "--set-b", "cap.ratio=0", "-r", "3");
        assertOk(c);
        assertTrue(c.out().contains("B: orders-placed with cap.ratio=0"), c.out());
        assertTrue(c.out().contains("a real difference"), c.out());

        Cli.Result s = Cli.run("sweep", "orders-placed", "--knob", "lab.lines", "--values", "1,4", "-r", "2");
        assertOk(s);
        assertTrue(s.out().contains("sweep orders-placed-lab.lines over lab.lines"), s.out());

        Cli.Result g = Cli.run("sweep", "per-firm-cap", "--knob2", "cap.ratio", "--values2", "0,0.5", "-r", "2");
        assertOk(g);
        String[] lines = g.out().split("\n");
        long rows = Stream.of(lines).filter(l -> l.startsWith("75000") || l.startsWith("unlimited")).count();
        assertEquals(4, rows, "2 x 2 grid: " + g.out());

        Cli.Result windows = Cli.run("sweep", "orders-placed", "--knob", "customs.blocks", "--values",
                "none; 2026-01-14..2026-01-28, 2026-06-01..2026-06-30", "-r", "2");
        assertOk(windows);
    }

    @Test
    void namedPolicySweepRuns() {
        Cli.Result r = Cli.run("sweep", "production-restart", "-r", "2");
        assertOk(r);
        for (String l : List.of("Q2", "Q3", "Q4", "never")) {
            assertTrue(r.out().contains("\n" + l + " "), l + " in " + r.out());
        }
    }

    static Stream<Arguments> badInputs() throws IOException {
        Path malformed = tmp.resolve("bad.scenario");
        Files.writeString(malformed, "# fine\ncap.ratio = 0.5\nlab.lines 8\n");
        Path badValue = tmp.resolve("value.scenario");
        Files.writeString(badValue, "cap.ratio = 0.5\n\nsupply.productionStart = 2026-02-30\n");
        Path notReport = tmp.resolve("notreport");
        Files.createDirectories(notReport);
        Files.writeString(notReport.resolve("keep.txt"), "x");
        return Stream.of(
                Arguments.of("unknown scenario", List.of("run", "nonsense"), "unknown scenario 'nonsense'"),
                Arguments.of("unknown knob", List.of("run", "orders-placed", "--set", "cap.ration=0.3"),
                        "unknown knob 'cap.ration'"),
                Arguments.of("out of range", List.of("run", "orders-placed", "--set", "cap.ratio=11"),
                        "knob 'cap.ratio'"),
                Arguments.of("NaN", List.of("run", "orders-placed", "--set", "lab.failureShare=NaN"),
                        "knob 'lab.failureShare' = 'NaN'"),
                Arguments.of("impossible date", List.of("run", "orders-placed", "--set",
                        "china.clearance=2026-02-30"), "'2026-02-30' is not a date"),
                Arguments.of("negative replications", List.of("run", "orders-placed", "--replications", "-3"),
                        "--replications must be at least 1"),
                Arguments.of("too many replications", List.of("run", "orders-placed", "--replications",
                        "10000001"), "--replications must be at most 10000000, was 10000001"),
                Arguments.of("zero threads", List.of("run", "orders-placed", "--threads", "0"),
                        "--threads must be at least 1"),
                Arguments.of("not a number", List.of("run", "orders-placed", "-r", "many"), "'many' is not an int"),
                Arguments.of("unknown option", List.of("run", "orders-placed", "--colour"), "Unknown option"),
                Arguments.of("unknown command", List.of("runn", "orders-placed"), "Unmatched argument"),
                Arguments.of("malformed file line", List.of("run", "--file", malformed.toString()),
                        "bad.scenario:3: expected 'knob = value'"),
                Arguments.of("bad value in file", List.of("run", "--file", badValue.toString()),
                        "value.scenario:3: knob 'supply.productionStart'"),
                Arguments.of("missing file", List.of("run", "--file", tmp.resolve("none.scenario").toString()),
                        "does not exist"),
                Arguments.of("set without =", List.of("run", "orders-placed", "--set", "cap.ratio"),
                        "not of the form knob=value"),
                Arguments.of("bad firm orders", List.of("run", "orders-placed", "--set",
                        "firm.ByteDance.orders=2026-01-24"), "knob 'firm.ByteDance.orders'"),
                Arguments.of("unknown sweep", List.of("sweep", "cap"), "'cap' is not a policy sweep"),
                Arguments.of("bad sweep value", List.of("sweep", "orders-placed", "--knob", "lab.lines", "--values",
                        "4,0"), "sweep value '0' of lab.lines"),
                Arguments.of("knob without values", List.of("sweep", "orders-placed", "--knob", "lab.lines"),
                        "--knob and --values go together"),
                Arguments.of("compare one scenario", List.of("compare", "orders-placed"), "Missing required"),
                Arguments.of("out is not a report", List.of("run", "orders-placed", "--out", notReport.toString()),
                        "not a chipflow report"),
                Arguments.of("rerun without manifest", List.of("rerun", tmp.resolve("none.json").toString()),
                        "does not exist"),
                Arguments.of("rerun of a scenario file", List.of("rerun", malformed.toString()), "bad.scenario: not"),
                Arguments.of("progress mode", List.of("run", "orders-placed", "--progress", "sometimes"),
                        "--progress must be auto, always or never"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGivesOneLineAndExitTwo(String what, List<String> args, String expected) {
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(ChipflowCli.USAGE, r.exit(), what + ": " + r.err());
        String[] lines = r.errLines();
        assertEquals(1, lines.length, what + ": one line on stderr, was: " + r.err());
        assertTrue(lines[0].contains(expected), what + ": '" + expected + "' in: " + lines[0]);
        assertTrue(lines[0].startsWith("chipflow"), lines[0]);
        assertFalse(r.err().contains("Exception"), "no exception class names: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out(), what + ": nothing ran, nothing on stdout");
    }
}
