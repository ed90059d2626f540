package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the command line in-process and captures what it prints; reads the report directories it writes. */
public final class Cli {

    /**
     * What one invocation gave.
     *
     * @param exit the exit code
     * @param out  stdout
     * @param err  stderr
     */
    public record Result(int exit, String out, String err) {
        /** @return stderr's lines */
        public String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }
    }

    private Cli() {
    }

    /** @return the result of {@code chipflow args...} */
    public static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ChipflowCli.execute(o, e, args);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return the files of a report directory: name to bytes, in name order */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    /**
     * Asserts that every file of {@code expected} but manifest.json (which records the threads and the command
     * line) has the same bytes in {@code actual}.
     *
     * @param why added to the file's name in a failure's message
     */
    static void assertSameBytesButTheManifest(Map<String, byte[]> expected, Map<String, byte[]> actual, String why) {
        for (String f : expected.keySet()) {
            if (!f.equals("manifest.json")) {
                assertArrayEquals(expected.get(f), actual.get(f), f + why);
            }
        }
    }

    /** @return the manifest without what may differ between two runs of one experiment: threads and arguments */
    static JsonObject manifestBesideThreadsAndArguments(byte[] manifest) {
        JsonObject m = JsonParser.parseString(new String(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
        m.remove("threads");
        m.remove("arguments");
        return m;
    }
}
