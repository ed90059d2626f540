package dev.chipflow.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.chipflow.report.Manifest;
import dev.chipflow.scenarios.ScenarioException;
import dev.chipflow.supply.Scenario;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code chipflow rerun manifest.json}: runs a report's experiment (run, comparison, sweep, explanation or
 * sensitivity analysis) again from its manifest. */
@Command(name = "rerun", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run again what a report's manifest.json describes (every knob, the seed, the replications): "
                + "the files written are byte-identical to the original's, whatever --threads or --engine.", "",
            "Example:", "  chipflow rerun report/manifest.json --out report-again", ""})
final class RerunCommand implements Callable<Integer> {

    @ParentCommand
    ChipflowCli cli;

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "A manifest.json written by chipflow.")
    Path manifest;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Write the report to DIR.")
    Path out;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress bar on stderr: auto, always, never. Default: ${DEFAULT-VALUE}.")
    String progress;

    /** --engine, --master, --block: run's options, handed to the ExperimentOptions below, which checks them. */
    @Mixin
    EngineOptions where;

    @Override
    public Integer call() {
        JsonObject m = ScenarioSources.readManifest(manifest);
        if (m.has("manifestFormat") && number(m, "manifestFormat") > Manifest.FORMAT) {
            throw new ScenarioException(manifest.getFileName() + ": manifest format " + number(m, "manifestFormat")
                    + " is newer than this chipflow reads (" + Manifest.FORMAT + ")");
        }
        ExperimentOptions o = new ExperimentOptions();
        o.replications = (int) number(m, "replications");
        o.seed = number(m, "seed");
        o.threads = threads;
        o.out = out;
        o.progress = progress;
        o.where = where;
        if (m.has("analysisDates")) {
            o.at = list(m, "analysisDates");
        }
        o.validate();
        String version = m.has("version") ? m.get("version").getAsString() : "unknown";
        if (!version.equals(BuildInfo.version())) {
            cli.err().println("rerun: note: the manifest was written by chipflow " + version + ", this is "
                    + BuildInfo.version() + "; results may differ");
        }
        if (m.has("arguments")) {
            cli.arguments(list(m, "arguments"));
        }
        String command = m.has("command") ? m.get("command").getAsString() : "";
        switch (command) {
            case "run" -> Experiments.run(cli, scenario(m, "scenario"), o);
            case "compare" -> {
                JsonObject both = object(m, "scenarios");
                Experiments.compare(cli, ScenarioSources.scenarioOf(manifest, object(both, "a"), "scenarios.a", true),
                        ScenarioSources.scenarioOf(manifest, object(both, "b"), "scenarios.b", true), o);
            }
            case "sweep" -> Experiments.sweep(cli, sweep(m), o);
            case "explain" -> {
                JsonObject x = object(m, "explain");
                List<LocalDate> dates = new ArrayList<>();
                for (String d : list(x, "dates")) {
                    try {
                        dates.add(LocalDate.parse(d));
                    } catch (DateTimeParseException e) {
                        throw new ScenarioException(manifest.getFileName() + ": 'explain.dates' holds '" + d
                                + "', not a date (YYYY-MM-DD)");
                    }
                }
                Long budget = x.has("budget") && !x.get("budget").isJsonNull() ? number(x, "budget") : null;
                Experiments.explain(cli, scenario(m, "scenario"), dates, budget, o);
            }
            case "sensitivity" -> SensitivityCommand.rerun(cli, manifest, object(m, "sensitivity"),
                    scenario(m, "scenario"), o);
            default -> throw new ScenarioException(manifest.getFileName() + ": unknown command '" + command + "'");
        }
        if (out != null) {
            cli.out().println(FileCheck.against(m, out));
        }
        return 0;
    }

    private Scenario scenario(JsonObject m, String field) {
        return ScenarioSources.scenarioOf(manifest, object(m, field), field, true);
    }

    private SweepSpec sweep(JsonObject m) {
        JsonObject s = object(m, "sweep");
        Scenario base = scenario(m, "scenario");
        String knob2 = s.has("knob2") ? s.get("knob2").getAsString() : null;
        return new SweepSpec(text(s, "name"), base, text(s, "knob"), text(s, "axisLabel"), list(s, "labels"),
                list(s, "values"), knob2, knob2 == null ? null : text(s, "axisLabel2"),
                knob2 == null ? List.of() : list(s, "labels2"), knob2 == null ? List.of() : list(s, "values2"));
    }

    private JsonObject object(JsonObject m, String field) {
        JsonElement e = m.get(field);
        if (e == null || !e.isJsonObject()) {
            throw new ScenarioException(manifest.getFileName() + ": missing '" + field + "'");
        }
        return e.getAsJsonObject();
    }

    private String text(JsonObject m, String field) {
        JsonElement e = m.get(field);
        if (e == null || !e.isJsonPrimitive()) {
            throw new ScenarioException(manifest.getFileName() + ": missing '" + field + "'");
        }
        return e.getAsString();
    }

    private long number(JsonObject m, String field) {
        try {
            return Long.parseLong(text(m, field));
        } catch (NumberFormatException e) {
            throw new ScenarioException(manifest.getFileName() + ": '" + field + "' is not a whole number");
        }
    }

    private List<String> list(JsonObject m, String field) {
        JsonElement e = m.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new ScenarioException(manifest.getFileName() + ": missing '" + field + "'");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement x : (JsonArray) e) {
            out.add(x.getAsString());
        }
        return out;
    }
}
