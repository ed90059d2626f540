package dev.chipflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line jar, copied out of the checkout and run there, reports the version and the commit it was built
 * from: both are recorded at build time, nothing is read from a .git directory at run time.
 *
 * <p>The jar is sim-scenarios/target/chipflow.jar, made by this build's package phase before this module's tests run
 * (mvn verify); a jar older than the classes just compiled (mvn test, which packages nothing) is not this build's, and
 * the test is skipped.
 */
class ChipflowJarOutsideCheckoutTest {

    @TempDir
    Path elsewhere;

    @Test
    void aJarRunOutsideACheckoutReportsItsVersionAndCommit() throws IOException, InterruptedException {
        Path jar = ReadmeExamplesTest.ROOT.resolve("sim-scenarios/target/chipflow.jar");
        Path built = ReadmeExamplesTest.ROOT.resolve(
                "sim-scenarios/target/classes/dev/chipflow/cli/build-commit.properties");
        assumeTrue(Files.exists(jar) && Files.exists(built)
                && !Files.getLastModifiedTime(jar).toInstant().isBefore(
                        Files.getLastModifiedTime(built).toInstant()), "no chipflow.jar from this build");
        String head = run(ReadmeExamplesTest.ROOT, "git", "rev-parse", "HEAD");
        assumeTrue(head != null && head.matches("[0-9a-f]{40}"), "not built in a git checkout");
        assumeTrue(run(elsewhere, "git", "rev-parse", "HEAD") == null, elsewhere + " is inside a git checkout");

        Path copy = Files.copy(jar, elsewhere.resolve("chipflow.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String version = run(elsewhere, java, "-jar", copy.toString(), "--version");
        assertEquals("chipflow " + System.getProperty("chipflow.expectedVersion") + " (git " + head + ")", version);
    }

    /** @return the command's standard output, trimmed, or null if it cannot start or exits non-zero */
    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return null;
        }
        return out;
    }
}
