package dev.chipflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it prints. */
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
}
