package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chipflow rerun} takes run's --engine, --master and --block, checked by the same rules: a bad one is one line
 * naming the option, exit code 2, before anything runs. (Rerun on Spark itself is tested in sim-spark.)
 */
class RerunEngineOptionsTest {

    @TempDir
    static Path tmp;

    static Path manifest;

    @BeforeAll
    static void writeAReport() {
        Path report = tmp.resolve("report");
        Cli.Result r = Cli.run("run", "orders-placed", "-r", "2", "-t", "1", "--progress", "never", "--out",
                report.toString());
        assertEquals(0, r.exit(), r.err());
        manifest = report.resolve("manifest.json");
    }

    /** Reruns the manifest with {@code more}, --out a new directory, and checks the refusal: one line, exit 2. */
    private static String refused(String... more) {
        Path out = tmp.resolve("again");
        String[] args = new String[more.length + 4];
        args[0] = "rerun";
        args[1] = manifest.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        args[more.length + 2] = "--out";
        args[more.length + 3] = out.toString();
        Cli.Result r = Cli.run(args);
        String what = String.join(" ", more);
        assertEquals(ChipflowCli.USAGE, r.exit(), what + ": " + r.err());
        assertEquals(1, r.errLines().length, what + ": one line on stderr, was: " + r.err());
        assertEquals("", r.out(), what + ": refused before anything ran");
        assertFalse(Files.exists(out), what + ": nothing written");
        return r.errLines()[0];
    }

    @Test
    void masterNeedsTheSparkEngine() {
        assertEquals("chipflow rerun: --master needs --engine spark", refused("--master", "local[2]"));
    }

    @Test
    void blockNeedsTheSparkEngine() {
        assertEquals("chipflow rerun: --block needs --engine spark", refused("--block", "2"));
    }

    @Test
    void anUnknownEngineNamesTheEnginesAllowed() {
        assertEquals("chipflow rerun: --engine must be local or spark, was 'bogus'", refused("--engine", "bogus"));
    }

    @Test
    void blockMustBePositive() {
        assertEquals("chipflow rerun: --block must be at least 1, was 0", refused("--block", "0", "--engine", "spark"));
    }

    @Test
    void sparkWithoutSimSparkOnTheClassPathPointsToChipflowSparkJar() {
        String line = refused("--engine", "spark", "--master", "local[2]", "--block", "1");
        assertTrue(line.startsWith("chipflow rerun: --engine spark needs Apache Spark") && line.contains(
                "chipflow-spark.jar"), line);
    }

    @Test
    void theLocalEngineCanBeNamedAndRerunsToTheSameFiles() throws IOException {
        Path again = tmp.resolve("local");
        Cli.Result r = Cli.run("rerun", manifest.toString(), "--engine", "local", "-t", "2", "--progress", "never",
                "--out", again.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("rerun: all ") && r.out().contains(" files match the original's"), r.out());
        Cli.assertSameBytesButTheManifest(Cli.files(manifest.getParent()), Cli.files(again), "");
    }
}
