package dev.chipflow.cli;

import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.report.ReportDirectory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that run replications. */
final class ExperimentOptions {

    /** The default master seed: the simulated calendar's first day. */
    static final long DEFAULT_SEED = 20260101L;

    @Option(names = {"-r", "--replications"}, paramLabel = "N", defaultValue = "20",
            description = "Replications per scenario (or per sweep point). Default: ${DEFAULT-VALUE}.")
    int replications;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20260101",
            description = "Master seed; the same seed gives the same results. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads. Default: all cores. Results do not depend on it.")
    Integer threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Write the report (CSV, PNG charts, report.html, manifest.json) to DIR, whole or not at "
                    + "all. An existing DIR is replaced only if it is empty or an earlier chipflow report.")
    Path out;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress bar on stderr: auto (on a terminal, for runs longer than 2 s), always, never. "
                    + "Default: ${DEFAULT-VALUE}.")
    String progress;

    /** --engine, --master, --block; rerun and sensitivity set them without picocli. */
    @Mixin
    EngineOptions where = new EngineOptions();

    @Option(names = "--at", paramLabel = "DATE,...", split = ",",
            description = "Analysis dates to report at, beside 2026-06-30 and the end of the run, e.g. "
                    + "--at 2026-09-30,2026-12-01 (dates within the run).")
    List<String> at = new ArrayList<>();

    /** @return the analysis dates asked for with --at */
    List<LocalDate> analysisDates() {
        List<LocalDate> dates = new ArrayList<>();
        for (String s : at) {
            try {
                dates.add(LocalDate.parse(s.trim()));
            } catch (DateTimeParseException e) {
                throw new UsageException("--at '" + s + "' is not a date YYYY-MM-DD");
            }
        }
        return dates;
    }

    /**
     * Checks the --at dates against a scenario's run.
     *
     * @param first the run's first day
     * @param last  the run's last day
     */
    void checkDates(LocalDate first, LocalDate last) {
        for (LocalDate d : analysisDates()) {
            if (d.isBefore(first) || d.isAfter(last)) {
                throw new UsageException("--at " + d + " is outside the run: dates from " + first + " to " + last
                        + " are allowed");
            }
        }
    }

    /**
     * The most replications an experiment takes. Memory does not grow with them (they are folded as they finish);
     * the limit catches a typo that would run for days.
     */
    static final int MAX_REPLICATIONS = 10_000_000;

    /** Checks ranges picocli does not. */
    void validate() {
        analysisDates();
        if (replications < 1) {
            throw new UsageException("--replications must be at least 1, was " + replications);
        }
        if (replications > MAX_REPLICATIONS) {
            throw new UsageException("--replications must be at most " + MAX_REPLICATIONS + ", was " + replications);
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1, was " + threads);
        }
        mode();
        if (!engineName().equals("spark") && (where.master != null || where.block != null)) {
            throw new UsageException((where.master != null ? "--master" : "--block") + " needs --engine spark");
        }
        if (where.block != null && where.block < 1) {
            throw new UsageException("--block must be at least 1, was " + where.block);
        }
        if (out != null) {
            ReportDirectory.check(out);
        }
    }

    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** @return {@code local} or another engine's name, lower case */
    String engineName() {
        String e = where.engine == null ? "local" : where.engine.trim().toLowerCase(Locale.ROOT);
        if (!e.equals("local") && !e.equals("spark")) {
            throw new UsageException("--engine must be local or spark, was '" + where.engine + "'");
        }
        return e;
    }

    /**
     * Starts the engine asked for; the caller closes it. Other engines than the local one come from an
     * {@link EngineProvider} on the classpath, so that this module never needs Spark.
     *
     * @param progress told as replications finish
     * @return the engine
     */
    ExperimentEngine engine(Progress progress) {
        String name = engineName();
        if (name.equals("local")) {
            return new ReplicationRunner(threadCount(), progress);
        }
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(name)) {
                try {
                    return p.create(new EngineProvider.Settings(where.master, where.block, threadCount()), progress);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--engine " + name + ": " + e.getMessage());
                }
            }
        }
        throw new UsageException("--engine " + name + " needs Apache Spark, which chipflow.jar leaves out: run "
                + "sim-spark/target/chipflow-spark.jar instead (see 'Experiments on Apache Spark' in README.md)");
    }

    ProgressReporter.Mode mode() {
        return switch (progress.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> ProgressReporter.Mode.AUTO;
            case "always" -> ProgressReporter.Mode.ALWAYS;
            case "never" -> ProgressReporter.Mode.NEVER;
            default -> throw new UsageException("--progress must be auto, always or never, was '" + progress + "'");
        };
    }
}
