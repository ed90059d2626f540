package dev.chipflow.cli;

import dev.chipflow.report.ReportException;
import dev.chipflow.scenarios.ScenarioException;
import dev.chipflow.supply.InvalidKnobException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The chipflow command line: {@code list}, {@code knobs}, {@code run}, {@code compare}, {@code sweep},
 * {@code explain}, {@code rerun}.
 *
 * <p>Exit codes: 0 success; 2 bad arguments, scenario files or knob values (one line on stderr naming the problem);
 * 1 an unexpected failure (one line; set {@code CHIPFLOW_DEBUG=1} for the stack trace).
 */
@Command(name = "chipflow", mixinStandardHelpOptions = true, versionProvider = ChipflowCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "How many Nvidia H200s reach each Chinese firm under the 2026 export rules, when, and what holds "
                + "them back: a discrete-event simulation.",
        description = {"", "Start with 'chipflow list', then e.g. 'chipflow run historical-2026 --out report'.",
            "Every command has --help."},
        subcommands = {ListCommand.class, KnobsCommand.class, RunCommand.class, CompareCommand.class,
            SweepCommand.class, ExplainCommand.class, SensitivityCommand.class, RerunCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 bad input (one line on stderr), 1 unexpected failure."})
public final class ChipflowCli implements Runnable {

    /** Exit code for bad arguments, files or knob values. */
    public static final int USAGE = 2;
    /** Exit code for an unexpected failure. */
    public static final int FAILURE = 1;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private List<String> arguments;

    private ChipflowCli(PrintStream out, PrintStream err, String[] args) {
        this.out = out;
        this.err = err;
        this.arguments = List.of(args);
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String... args) {
        System.exit(execute(System.out, System.err, args));
    }

    /**
     * Runs the command line without exiting (for tests and the scenario classes' own code paths).
     *
     * @param out  where tables and help go
     * @param err  where errors and the progress bar go
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        System.setProperty("java.awt.headless", "true");
        ChipflowCli cli = new ChipflowCli(out, err, args);
        CommandLine cl = new CommandLine(cli);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setOverwrittenOptionsAllowed(true);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.getSubcommands().get("explain").getCommandSpec().usageMessage().footer(ExplainCommand.footer());
        cl.setParameterExceptionHandler((ex, a) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + ScenarioSources.oneLine(ex.getMessage()) + " (see '" + command
                    + " --help')");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            String command = commandLine.getCommandSpec().qualifiedName();
            if (userError(ex)) {
                err.println(command + ": " + ScenarioSources.oneLine(ex.getMessage()));
                err.flush();
                return USAGE;
            }
            err.println(command + ": unexpected " + ex.getClass().getSimpleName() + ": "
                    + ScenarioSources.oneLine(String.valueOf(ex.getMessage()))
                    + " (set CHIPFLOW_DEBUG=1 for details)");
            if ("1".equals(System.getenv("CHIPFLOW_DEBUG"))) {
                ex.printStackTrace(err);
            }
            err.flush();
            return FAILURE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static boolean userError(Exception ex) {
        return ex instanceof InvalidKnobException || ex instanceof ScenarioException || ex instanceof UsageException
                || ex instanceof ReportException;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    List<String> arguments() {
        return arguments;
    }

    /** A rerun records the original command line, so that its manifest matches the original's. */
    void arguments(List<String> original) {
        arguments = List.copyOf(original);
    }

    /** Prints the version and the git commit. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chipflow " + BuildInfo.version() + " (git " + BuildInfo.gitCommit() + ")"};
        }
    }
}
