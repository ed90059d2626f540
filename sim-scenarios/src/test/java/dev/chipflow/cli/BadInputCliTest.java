package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input that used to run anyway or fail late: an {@code --out} that cannot be written (found only after the whole
 * run, naming a temporary file), a scenario file that sets nothing (silently ran orders-placed), one knob given twice
 * with {@code --set}. Each must give one line naming the option or knob, the value and what is allowed, exit 2, print
 * nothing on stdout (nothing ran) and leave no directory behind.
 */
class BadInputCliTest {

    @TempDir
    Path tmp;

    /** Runs the CLI and checks what every bad input must give. */
    private static String refused(String... args) {
        Cli.Result r = Cli.run(args);
        String what = String.join(" ", args);
        assertEquals(ChipflowCli.USAGE, r.exit(), what + ": " + r.err());
        assertEquals(1, r.errLines().length, what + ": one line on stderr, was: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out(), what + ": refused before anything ran");
        return r.errLines()[0];
    }

    private List<Path> contents() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.sorted().toList();
        }
    }

    private static String[] args(String command, String out) {
        List<String> a = new ArrayList<>(switch (command) {
            case "run" -> List.of("run", "orders-placed");
            case "compare" -> List.of("compare", "orders-placed", "historical-2026");
            default -> List.of("sweep", "lab-lines");
        });
        a.addAll(List.of("-r", "2", "-t", "1", "--out", out));
        return a.toArray(new String[0]);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "compare", "sweep"})
    void outInsideAFileIsRefusedBeforeTheRun(String command) throws IOException {
        Path file = Files.writeString(tmp.resolve("somefile.txt"), "notes");
        List<Path> before = contents();
        for (String out : List.of(file + "/report", file + "/deeper/report")) {
            String line = refused(args(command, out));
            assertTrue(line.startsWith("chipflow " + command + ": --out '" + out + "' cannot be written: '" + file
                    + "' is a file, not a directory; expected a new or empty directory"), line);
            assertFalse(line.contains(".tmp-"), "names no temporary file: " + line);
        }
        String itself = refused(args(command, file.toString()));
        assertTrue(itself.contains("--out '" + file + "' cannot be written: it is a file, not a directory"), itself);
        assertEquals(before, contents(), "nothing made, nothing removed");
        assertEquals("notes", Files.readString(file));
    }

    @Test
    void rerunChecksOutBeforeRunningToo() throws IOException {
        Path report = tmp.resolve("report");
        Cli.Result first = Cli.run("run", "orders-placed", "-r", "2", "-t", "1", "--out", report.toString());
        assertEquals(0, first.exit(), first.err());
        Path file = Files.writeString(tmp.resolve("somefile.txt"), "notes");
        String line = refused("rerun", report.resolve("manifest.json").toString(), "--out", file + "/again");
        assertTrue(line.contains("--out '" + file + "/again' cannot be written: '" + file + "' is a file"), line);
        assertFalse(Files.exists(tmp.resolve("again")));
    }

    @Test
    void outInAReadOnlyDirectoryIsRefusedBeforeTheRun() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as root: permission checks do not fail");
            Path out = locked.resolve("sub").resolve("report");
            String line = refused(args("run", out.toString()));
            assertTrue(line.contains("--out '" + out + "' cannot be written: permission denied: this user cannot "
                    + "write in '" + locked + "'"), line);
            try (Stream<Path> s = Files.list(locked)) {
                assertEquals(0, s.count(), "no directory left behind");
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @ParameterizedTest(name = "file text {index}")
    @ValueSource(strings = {"", "# only a comment\n\n   \n# and another\n"})
    void aScenarioFileThatSetsNothingIsAnError(String text) throws IOException {
        Path f = Files.writeString(tmp.resolve("blank.scenario"), text);
        String why = text.isEmpty() ? "empty" : "only blank lines and comments";
        for (String[] a : List.of(new String[] {"run", "--file", f.toString()}, new String[] {"run", f.toString()},
                new String[] {"run", "orders-placed", "--file", f.toString()},
                new String[] {"sweep", "lab-lines", "--file", f.toString()})) {
            String line = refused(a);
            assertTrue(line.endsWith(": blank.scenario: sets nothing (the file is " + why + "); expected at least "
                    + "'base = NAME' or one 'knob = value' line"), line);
        }
    }

    @Test
    void aKnobSetTwiceOnTheCommandLineIsAnError() {
        String line = refused("run", "orders-placed", "--set", "cap.ratio=0.3", "--set", "lab.lines=4", "--set",
                "cap.ratio=0.4");
        assertEquals("chipflow run: --set sets knob 'cap.ratio' twice, to '0.3' and to '0.4'; each knob may be set "
                + "once", line);
        String firm = refused("sweep", "lab-lines", "--set", "firm.Moonshot.orders=2026-02-01:1000", "--set",
                "firm.Moonshot.orders = 2026-03-01:2000");
        assertTrue(firm.contains("'firm.Moonshot.orders' twice, to '2026-02-01:1000' and to '2026-03-01:2000'"),
                firm);
        String b = refused("compare", "orders-placed", "orders-placed", "--set-b", "cap.ratio=0", "--set-b",
                "cap.ratio=0");
        assertTrue(b.contains("--set-b sets knob 'cap.ratio' twice, to '0' and to '0'"), b);
    }

    @Test
    void setStillOverridesTheSameKnobOfAFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("cap.scenario"), "cap.ratio = 0.3\n");
        Cli.Result r = Cli.run("run", "--file", f.toString(), "--set", "cap.ratio=0", "-r", "2", "-t", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("By 2026-12-31 (end of the run): 0 units"), "cap 0 from --set wins: " + r.out());
    }
    /**
     * Knob values the model refuses, each named on the knob the user set, with the value as written and what is
     * allowed; nothing runs and no --out directory is made.
     */
    @ParameterizedTest(name = "--set {0}")
    @ValueSource(strings = {
        "cap.ratio=Infinity|knob 'cap.ratio' = 'Infinity'|plain decimal",
        "cap.ratio=NaN|knob 'cap.ratio' = 'NaN'|plain decimal",
        "cap.ratio=1e308|knob 'cap.ratio' = '1e308'|[0, 10]",
        "firm.Baidu.orders=2027-02-01:8000|knob 'firm.Baidu.orders'|horizon.end = 2026-12-31",
        "firm.bytedance.orders=2026-02-01:8000|'bytedance'|ignoring case",
        "horizon.end=2026-01-10|knob 'horizon.end' = '2026-01-10'|firm.ByteDance.orders"})
    void aValueTheModelRefusesIsOneLineOnTheKnobSet(String spec) throws IOException {
        String[] p = spec.split("\\|");
        Path out = tmp.resolve("out");
        String line = refused("run", "orders-placed", "-r", "2", "-t", "1", "--set", p[0], "--out", out.toString());
        assertTrue(line.contains(p[1]) && line.contains(p[2]), line);
        assertFalse(Files.exists(out), "no output directory");
    }

    @Test
    void aValueCutShortInAFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("cut.scenario"), "base = orders-placed\ncap.ratio = 0.\n");
        Path out = tmp.resolve("out");
        String line = refused("run", "--file", file.toString(), "-r", "2", "-t", "1", "--out", out.toString());
        assertTrue(line.contains("cut.scenario") && line.contains("cap.ratio") && line.contains("'0.'")
                && line.contains("plain decimal"), line);
        assertFalse(Files.exists(out), "no output directory");
    }
}
