package dev.chipflow.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.report.Manifest;
import dev.chipflow.report.ReportDirectory;
import dev.chipflow.report.RunInfo;
import dev.chipflow.report.SensitivityReports;
import dev.chipflow.scenarios.ScenarioException;
import dev.chipflow.sensitivity.Factor;
import dev.chipflow.sensitivity.Factors;
import dev.chipflow.sensitivity.SensitivityOutputs;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SupplySensitivity;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code chipflow sensitivity SCENARIO}: which assumptions matter (Sobol' indices or a Morris screen). */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which assumptions matter: vary every assumption over its calibrated range at once and "
                + "split the variance of units delivered (by 2026-06-30 and by the horizon's end, in all and per firm) "
                + "among them (Sobol' indices, first order and total, with 95%% bootstrap intervals), or screen them "
                + "cheaply (--method morris). Also says how uncertain the deliveries are with every assumption "
                + "uncertain (5%%, 50%%, 95%%).", "",
            "Factors: every knob marked 'assumption' whose calibrated range is numeric ('chipflow knobs'); the others "
                + "are listed in the report. --factor KNOB=LOW..HIGH adds a knob or changes a range: a number knob "
                + "varies its value; a distribution of days its mean (the distribution is scaled); a date a shift in "
                + "days; date windows (customs.blocks) a shift of each window's end in days.", "",
            "Examples:",
            "  chipflow sensitivity orders-placed --out sens",
            "  chipflow sensitivity orders-placed --method morris --samples 20",
            "  chipflow sensitivity orders-placed --factor supply.inventory=300000..700000 "
                + "--factor customs.blocks=0..180",
            "  chipflow sensitivity orders-placed --no-default-factors --factor cap.ratio=0.25..1 "
                + "--factor lab.lines=1..8 --output system.capBindingShare", ""})
final class SensitivityCommand implements Callable<Integer> {

    /** Default base samples (Sobol') and trajectories (Morris). */
    static final int SOBOL_SAMPLES = 512;
    static final int MORRIS_TRAJECTORIES = 20;
    /** The most replications one analysis may run. */
    static final long MAX_REPLICATIONS = 2_000_000;
    /** The random streams an analysis draws from beyond the model's. */
    static final List<String> STREAMS = List.of("sensitivity.bootstrap", "sensitivity.design");

    @ParentCommand
    ChipflowCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "A named scenario ('chipflow list') or a scenario file. May be left out with --file.")
    String scenario;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--factor", paramLabel = "KNOB=LOW..HIGH",
            description = "Vary KNOB over LOW..HIGH (repeatable): a number; a distribution's mean in days; a date's "
                    + "or a window end's shift in days. Replaces the calibrated range of a default factor.")
    List<String> factors = new ArrayList<>();

    @Option(names = "--no-default-factors",
            description = "Vary only the --factor knobs, not the assumptions with calibrated ranges.")
    boolean noDefaults;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD", defaultValue = "sobol",
            description = "sobol (variance shares, the default) or morris (elementary effects, a cheap screen).")
    String method;

    @Option(names = {"-n", "--samples"}, paramLabel = "N",
            description = "Sobol': base samples, a power of two 8..65536 (default " + SOBOL_SAMPLES + "; the design "
                    + "has N x (factors + 2) points). Morris: trajectories, 2..10000 (default " + MORRIS_TRAJECTORIES
                    + ").")
    Integer samples;

    @Option(names = {"-r", "--replications"}, paramLabel = "N", defaultValue = "10",
            description = "Replications per design point, with common random numbers. Default: ${DEFAULT-VALUE}.")
    int replications;

    @Option(names = "--at", paramLabel = "DATE,...",
            description = "Analysis dates for units delivered, beside 2026-06-30 and the horizon's end.")
    String at;

    @Option(names = "--output", paramLabel = "NAME",
            description = "Also explain this scalar output (a row of summary.csv, e.g. system.capBindingShare). "
                    + "Repeatable.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples for the intervals, 100..100000. Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20260101",
            description = "Master seed; the same seed gives the same results. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads. Default: all cores. Results do not depend on it.")
    Integer threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Write the report (sensitivity.csv, uncertainty.csv, factors.csv, design.csv, charts, "
                    + "report.html, manifest.json) to DIR, whole or not at all.")
    Path out;

    @Mixin
    EngineOptions where = new EngineOptions();

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress bar on stderr: auto, always, never. Default: ${DEFAULT-VALUE}.")
    String progress;

    /**
     * Everything that defines an analysis, as given (so that a rerun makes the same choices).
     *
     * @param base         the scenario varied
     * @param factorSpecs  the --factor values
     * @param defaults     whether the default factors are included
     * @param method       sobol or morris
     * @param samples      base samples or trajectories
     * @param dates        analysis dates
     * @param scalars      scalar outputs
     * @param bootstrap    bootstrap resamples
     */
    record Spec(Scenario base, List<String> factorSpecs, boolean defaults, SupplySensitivity.Method method,
            int samples, List<LocalDate> dates, List<String> scalars, int bootstrap) {
    }

    @Override
    public Integer call() {
        ExperimentOptions o = new ExperimentOptions();
        o.replications = replications;
        o.seed = seed;
        o.threads = threads;
        o.out = out;
        o.progress = progress;
        o.where = where;
        SupplySensitivity.Method m = method(method);
        int n = samples != null ? samples : m == SupplySensitivity.Method.SOBOL ? SOBOL_SAMPLES : MORRIS_TRAJECTORIES;
        checkSizes(m, n, bootstrap, replications);
        o.validate();
        Scenario base = ScenarioSources.resolve(scenario, scenarioOptions.file, scenarioOptions.sets, null);
        // As for compare, sweep and explain: the dates asked for come beside mid-year and the horizon's end.
        java.util.TreeSet<LocalDate> all = new java.util.TreeSet<>(SensitivityOutputs.defaultDates(base));
        if (at != null) {
            all.addAll(dates(at));
        }
        List<LocalDate> dates = new ArrayList<>(all);
        run(cli, new Spec(base, factors, !noDefaults, m, n, dates, outputs, bootstrap), o);
        return 0;
    }

    static SupplySensitivity.Method method(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "sobol" -> SupplySensitivity.Method.SOBOL;
            case "morris" -> SupplySensitivity.Method.MORRIS;
            default -> throw new UsageException("--method '" + text + "' is not a method: sobol or morris");
        };
    }

    static void checkSizes(SupplySensitivity.Method m, int n, int bootstrap, int replications) {
        if (m == SupplySensitivity.Method.SOBOL && (n < 8 || n > 65536 || Integer.bitCount(n) != 1)) {
            throw new UsageException("--samples " + n + " is not allowed for sobol: a power of two from 8 to 65536, "
                    + "e.g. 256, 512, 1024");
        }
        if (m == SupplySensitivity.Method.MORRIS && (n < 2 || n > 10_000)) {
            throw new UsageException("--samples " + n + " is not allowed for morris: a number of trajectories from 2 "
                    + "to 10000");
        }
        if (bootstrap < 100 || bootstrap > 100_000) {
            throw new UsageException("--bootstrap " + bootstrap + " is not allowed: a number of resamples from 100 to "
                    + "100000");
        }
        if (replications < 1 || replications > 10_000) {
            throw new UsageException("--replications " + replications + " is not allowed: a whole number from 1 to "
                    + "10000");
        }
    }

    static List<LocalDate> dates(String text) {
        List<LocalDate> d = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                d.add(LocalDate.parse(part.trim()));
            } catch (DateTimeParseException e) {
                throw new UsageException("--at '" + text + "': '" + part.trim() + "' is not a date YYYY-MM-DD; give "
                        + "dates separated by commas, e.g. 2026-06-30,2026-12-31");
            }
        }
        return d;
    }

    /** Checks the spec, runs the analysis, prints the answer and writes the report. */
    static void run(ChipflowCli cli, Spec spec, ExperimentOptions o) {
        Scenario base = spec.base();
        for (String f : spec.factorSpecs()) {
            try {
                Factors.parse(f).check(base);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--factor '" + f + "': " + ScenarioSources.oneLine(e.getMessage()));
            }
        }
        Factors.Selection selection;
        try {
            selection = Factors.select(base, spec.factorSpecs(), spec.defaults());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--factor " + ScenarioSources.oneLine(e.getMessage()));
        }
        if (selection.factors().isEmpty()) {
            throw new UsageException("--no-default-factors leaves nothing to vary: give at least one --factor "
                    + "KNOB=LOW..HIGH");
        }
        try {
            // The dates alone first, so that a bad date is blamed on --at; the outputs are built below.
            SensitivityOutputs.of(base, spec.dates(), List.of(), List.of());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--at " + ScenarioSources.oneLine(e.getMessage()));
        }
        SensitivityOutputs outs;
        try {
            outs = SupplySensitivity.outputs(base, spec.dates(), spec.scalars(), o.seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--output " + ScenarioSources.oneLine(e.getMessage()));
        }
        SupplySensitivity.Settings settings = new SupplySensitivity.Settings(spec.method(), spec.samples(), 4,
                o.replications, o.seed, spec.bootstrap(), 0.95);
        long total = settings.points(selection.factors().size()) * o.replications;
        if (total > MAX_REPLICATIONS) {
            throw new UsageException("--samples " + spec.samples() + " with --replications " + o.replications
                    + " and " + selection.factors().size() + " factors needs " + total + " replications: at most "
                    + MAX_REPLICATIONS + " are allowed; lower --samples or --replications");
        }
        SensitivityResult r;
        try (ProgressReporter p = new ProgressReporter(o.mode(), "sensitivity " + base.name(), cli.err());
                ExperimentEngine e = o.engine(p)) {
            p.expect((int) total);
            r = SupplySensitivity.run(base, selection, outs, settings, e);
        }
        RunInfo info = new RunInfo(o.seed, o.replications, BuildInfo.version());
        SensitivityReports.console(cli.out(), r, info);
        if (o.out != null) {
            Map<String, byte[]> files = SensitivityReports.files(r, info);
            List<String> streams = new ArrayList<>(SupplyModel.streamNames());
            streams.addAll(STREAMS);
            Manifest.Provenance prov = new Manifest.Provenance(BuildInfo.version(), BuildInfo.gitCommit(), o.seed,
                    o.replications, o.threadCount(), streams, cli.arguments(), List.of());
            files.put(ReportDirectory.MARKER, Manifest.sensitivity(prov, base, definition(spec, r), files));
            Path dir = ReportDirectory.write(o.out, files);
            cli.out().println("Report written to " + dir + " (" + files.size() + " files: " + String.join(", ",
                    files.keySet()) + ")");
            cli.out().println("Open " + dir.resolve("report.html") + " in a browser.");
        } else {
            cli.out().println("(Add --out DIR to write sensitivity.csv, design.csv, the charts, report.html and "
                    + "manifest.json.)");
        }
    }

    private static Map<String, Object> definition(Spec spec, SensitivityResult r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("method", spec.method().name().toLowerCase(Locale.ROOT));
        d.put("samples", spec.samples());
        d.put("levels", r.settings().levels());
        d.put("bootstrap", spec.bootstrap());
        d.put("level", r.settings().level());
        d.put("defaultFactors", spec.defaults());
        d.put("factorOptions", spec.factorSpecs());
        d.put("factors", r.factors().stream().map(Factor::spec).toList());
        d.put("notVaried", r.skipped().stream().map(Factors.Skipped::knob).toList());
        d.put("dates", spec.dates().stream().map(LocalDate::toString).toList());
        d.put("outputs", spec.scalars());
        return d;
    }

    /**
     * Runs again the analysis a manifest describes.
     *
     * @param cli      the command line
     * @param manifest the manifest's path, for messages
     * @param def      its {@code sensitivity} object
     * @param base     its scenario
     * @param o        seed, replications, threads, --out
     */
    static void rerun(ChipflowCli cli, Path manifest, JsonObject def, Scenario base, ExperimentOptions o) {
        try {
            SupplySensitivity.Method m = method(def.get("method").getAsString());
            int n = def.get("samples").getAsInt();
            int b = def.get("bootstrap").getAsInt();
            checkSizes(m, n, b, o.replications);
            List<LocalDate> dates = new ArrayList<>();
            for (String d : strings(def.get("dates"))) {
                dates.add(LocalDate.parse(d));
            }
            run(cli, new Spec(base, strings(def.get("factorOptions")), def.get("defaultFactors").getAsBoolean(), m,
                    n, dates, strings(def.get("outputs")), b), o);
        } catch (RuntimeException e) {
            if (e instanceof UsageException) {
                throw e;
            }
            throw new ScenarioException(manifest.getFileName() + ": 'sensitivity' is incomplete or malformed ("
                    + ScenarioSources.oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        for (JsonElement x : (JsonArray) e) {
            out.add(x.getAsString());
        }
        return out;
    }
}
