package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With stderr redirected (not a terminal), progress comes as a line at intervals, and names the later phases. */
class ProgressLinesTest {

    @Test
    void redirectedOutputGetsLinesThatNameThePhase() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressReporter p = new ProgressReporter(ProgressReporter.Mode.AUTO, "sweep x", err, " replications", 0, 20)) {
            p.expect(10);
            p.advanced(4, 10);
            long until = System.nanoTime() + 5_000_000_000L;
            while (!bytes.toString(StandardCharsets.UTF_8).contains("4 of 10") && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            p.advanced(10, 10);
            p.phase("writing the report");
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("sweep x: 4 of 10 replications (40%)"), out);
        assertTrue(out.contains("sweep x: 10 of 10 replications (100%), writing the report"), out);
        assertTrue(!out.contains("\r") && !out.contains("["), "lines, not a bar: " + out);
    }
}
