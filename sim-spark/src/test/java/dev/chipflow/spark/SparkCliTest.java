package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chipflow.cli.ChipflowCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chipflow sweep ... --engine spark} writes the local run's report, byte for byte, whatever the block size; the
 * manifest differs only in the command line it records; so does {@code chipflow rerun ... --engine spark} of a report
 * written locally (a run's, a sensitivity analysis's). Bad Spark options are one line and exit code 2.
 */
class SparkCliTest {

    /** A grid of 2 x 2 points with 3 replications each: small, and it exercises every report file of a sweep. */
    static final String[] SWEEP = {"sweep", "orders-placed", "--knob", "cap.ratio", "--values", "0.25,1",
        "--knob2", "lab.lines", "--values2", "2,8", "-r", "3", "--progress", "never"};

    record Run(int exit, String out, String err) {
    }

    static Run chipflow(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ChipflowCli.execute(o, e, args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** @return every file of a report, name to bytes */
    static TreeMap<String, byte[]> files(Path dir) throws IOException {
        TreeMap<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    /** Every file but the manifest byte-identical; the manifest's hashes of them identical too. */
    static void assertSameReport(Path expected, Path actual) throws IOException {
        TreeMap<String, byte[]> a = files(expected);
        TreeMap<String, byte[]> b = files(actual);
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            if (!name.equals("manifest.json")) {
                assertArrayEquals(a.get(name), b.get(name), name);
            }
        }
        JsonObject ma = JsonParser.parseString(new String(a.get("manifest.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonObject mb = JsonParser.parseString(new String(b.get("manifest.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        for (String field : List.of("files", "seed", "replications", "sweep", "sensitivity", "scenario",
                "randomStreams")) {
            assertEquals(ma.get(field), mb.get(field), "manifest." + field);
        }
    }

    @Test
    void aSweepOnSparkWritesTheLocalReportForEveryBlockSize(@TempDir Path tmp) throws IOException {
        Run local = chipflow(with(SWEEP, "--out", tmp.resolve("local").toString()));
        assertEquals(0, local.exit(), local.err());
        // 4 points x 3 replications: blocks of 1 (12 partitions) and of 2 (8 partitions, a block of 1 in each point).
        for (String block : List.of("1", "2")) {
            Path dir = tmp.resolve("spark-" + block);
            Run spark = chipflow(with(SWEEP, "--engine", "spark", "--master", "local[2]", "--block", block,
                    "--out", dir.toString()));
            assertEquals(0, spark.exit(), spark.err());
            assertEquals(local.out().replace(tmp.resolve("local").toString(), "DIR"),
                    spark.out().replace(dir.toString(), "DIR"), "the console report");
            assertSameReport(tmp.resolve("local"), dir);
        }
    }

    /**
     * {@code rerun MANIFEST --engine spark --master local[2] --block 1 --out DIR}: exit 0, and it says every file
     * matches the original's. Its --master reaches Spark: with a bad one, the rerun fails with Spark's answer.
     */
    static void rerunOnSpark(Path original, Path again) {
        String manifest = original.resolve("manifest.json").toString();
        Run r = chipflow("rerun", manifest, "--engine", "spark", "--master", "local[2]", "--block", "1",
                "--progress", "never", "--out", again.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("rerun: all ")
                && l.endsWith(" files match the original's, byte for byte")), r.out());
        assertBadMaster("rerun", chipflow("rerun", manifest, "--engine", "spark", "--master", "nowhere://x",
                "--progress", "never"));
    }

    /** Exit code 2, and the last line of stderr is the command's, naming the engine and Spark's bad master. */
    static void assertBadMaster(String command, Run bad) {
        assertEquals(ChipflowCli.USAGE, bad.exit(), bad.err());
        String[] lines = bad.err().strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("chipflow " + command + ": --engine spark: ") && last.contains("nowhere://x"),
                bad.err());
    }

    @Test
    void aLocalRunReportRerunsOnSparkToTheSameFiles(@TempDir Path tmp) throws IOException {
        Path local = tmp.resolve("local");
        Run run = chipflow("run", "orders-placed", "-r", "4", "-t", "1", "--progress", "never", "--out",
                local.toString());
        assertEquals(0, run.exit(), run.err());
        Path spark = tmp.resolve("spark");
        rerunOnSpark(local, spark);  // 4 replications in blocks of 1: 4 Spark tasks
        assertSameReport(local, spark);
    }

    @Test
    void aLocalSensitivityReportRerunsOnSparkToTheSameFiles(@TempDir Path tmp) throws IOException {
        Path local = tmp.resolve("local");
        Run run = chipflow("sensitivity", "orders-placed", "--method", "morris", "--samples", "2",
                "--no-default-factors", "--factor", "lab.lines=1..8", "-r", "2", "--bootstrap", "100", "-t", "1",
                "--progress", "never", "--out", local.toString());
        assertEquals(0, run.exit(), run.err());
        Path spark = tmp.resolve("spark");
        rerunOnSpark(local, spark);
        assertSameReport(local, spark);
    }

    @Test
    void aBadMasterIsOneLineAndExitCode2() {
        Run r = chipflow("run", "orders-placed", "-r", "1", "--engine", "spark", "--master", "nowhere://x");
        assertBadMaster("run", r);
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), r.err());
    }

    @Test
    void sparkOptionsWithoutTheSparkEngineAreRefused() {
        Run r = chipflow("compare", "historical-2026", "orders-placed", "--master", "local[2]");
        assertEquals(ChipflowCli.USAGE, r.exit());
        assertEquals("chipflow compare: --master needs --engine spark", r.err().strip());
        Run e = chipflow("sweep", "cap-ratio", "--engine", "hadoop");
        assertEquals(ChipflowCli.USAGE, e.exit());
        assertEquals("chipflow sweep: --engine must be local or spark, was 'hadoop'", e.err().strip());
    }
}
