package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The version and commit are recorded at build time. Here: what the recorded text may be, and that the build recorded
 * this checkout's HEAD. That a jar copied out of the checkout reports them is tested on the real jar by the examples
 * module (ChipflowJarOutsideCheckoutTest).
 */
class BuildInfoTest {

    @Test
    void recordedTextIsReadStrictly() {
        String hex = "0123456789abcdef0123456789abcdef01234567";
        assertEquals(hex, BuildInfo.commit(hex));
        assertEquals(hex, BuildInfo.commit(" " + hex + "-dirty\n"));
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.commit(null));
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.commit(""));
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.commit("${git.describe}"));
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.commit("fatal: not a git repository"));
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.commit(hex.substring(0, 12)));
        assertEquals("1.2.3", BuildInfo.version(" 1.2.3 "));
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.version("${project.version}"));
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.version(null));
    }

    @Test
    void theBuildRecordedTheVersionAndThisCheckoutsHead() throws IOException, InterruptedException {
        assertFalse(BuildInfo.version().equals(BuildInfo.UNKNOWN), "version");
        assertEquals(System.getProperty("chipflow.expectedVersion", BuildInfo.version()), BuildInfo.version());
        String head = git("rev-parse", "HEAD");
        assumeTrue(head != null, "not built in a git checkout");
        assertEquals(head, BuildInfo.gitCommit());
    }

    /** @return the command's first line, or null if git is missing or fails */
    static String git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return null;
        }
        return out;
    }
}
