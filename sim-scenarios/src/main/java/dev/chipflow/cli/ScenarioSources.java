package dev.chipflow.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.chipflow.report.Manifest;
import dev.chipflow.scenarios.KnobAssignment;
import dev.chipflow.scenarios.KnobAssignments;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.scenarios.ScenarioException;
import dev.chipflow.scenarios.ScenarioFile;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Timeline;
import java.time.LocalDate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns what the command line names (a scenario, a file, {@code --set} overrides) into a {@link Scenario}. */
final class ScenarioSources {

    private ScenarioSources() {
    }

    /**
     * @param name a scenario name, a path to a scenario file or manifest.json, or null
     * @param file {@code --file}, or null
     * @param sets {@code --set} values ({@code knob=value}), applied last
     * @param fallbackBase the base when neither {@code name} nor the file names one, or null to require one
     * @return the scenario
     */
    static Scenario resolve(String name, Path file, List<String> sets, String fallbackBase) {
        if (name != null && NamedScenarios.find(name).isEmpty() && looksLikeFile(name)) {
            if (file != null) {
                throw new UsageException("give one scenario file: '" + name + "' and --file '" + file + "'");
            }
            file = Path.of(name);
            name = null;
        }
        Scenario s;
        if (file != null && isJson(file)) {
            if (name != null) {
                throw new UsageException("a manifest (" + file + ") holds every knob; drop the scenario name '"
                        + name + "'");
            }
            s = fromManifest(file);
        } else if (file != null) {
            ScenarioFile f = ScenarioFile.read(file);
            String base = name;
            if (f.base() != null && name != null && !f.base().equals(name)) {
                throw new ScenarioException(f.baseOrigin() + ": base = " + f.base()
                        + " conflicts with scenario '" + name + "' on the command line; give one of them");
            }
            if (base == null) {
                base = f.base() != null ? f.base() : fallbackBase != null ? fallbackBase : ScenarioFile.DEFAULT_BASE;
            }
            s = f.scenario(NamedScenarios.get(base));
        } else if (name != null) {
            s = named(name);
        } else if (fallbackBase != null) {
            s = named(fallbackBase);
        } else {
            throw new UsageException("name a scenario (see 'chipflow list') or give --file FILE");
        }
        return KnobAssignments.apply(s, parseSets("--set", sets));
    }

    static Scenario named(String name) {
        return NamedScenarios.find(name).orElseThrow(() -> new ScenarioException("unknown scenario '" + name
                + "'; known scenarios: " + String.join(", ", NamedScenarios.scenarioNames())
                + (NamedScenarios.sweep(name).isPresent() ? " ('" + name + "' is a sweep: chipflow sweep " + name
                        + ")" : " (or a scenario file)")));
    }

    /**
     * @param option the option's name, for messages: {@code --set}, {@code --set-a}, {@code --set-b}
     * @param sets   its values, {@code knob=value} each
     * @return the assignments, in order
     * @throws UsageException if one knob is given twice (as a scenario file forbids too: which one was meant?)
     */
    static List<KnobAssignment> parseSets(String option, List<String> sets) {
        List<KnobAssignment> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        if (sets != null) {
            for (String s : sets) {
                KnobAssignment a = KnobAssignment.parse(s);
                String first = seen.putIfAbsent(a.label(), a.value());
                if (first != null) {
                    throw new UsageException(option + " sets knob '" + a.label() + "' twice, to '" + first
                            + "' and to '" + a.value() + "'; each knob may be set once");
                }
                out.add(a);
            }
        }
        return out;
    }

    private static boolean looksLikeFile(String name) {
        return name.endsWith(".scenario") || name.endsWith(".json") || name.contains("/")
                || name.contains(java.io.File.separator) || Files.isRegularFile(Path.of(name));
    }

    private static boolean isJson(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase().endsWith(".json");
    }

    /** Reads a manifest.json and returns its scenario (a run's manifest; for others use rerun). */
    static Scenario fromManifest(Path file) {
        JsonObject m = readManifest(file);
        JsonElement scenario = m.get("scenario");
        if (scenario == null || !scenario.isJsonObject() || m.has("sweep")) {
            throw new ScenarioException(file.getFileName() + ": not the manifest of a run of one scenario; "
                    + "use 'chipflow rerun " + file + "'");
        }
        return scenarioOf(file, scenario.getAsJsonObject(), "scenario", false);
    }

    static JsonObject readManifest(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject() || !e.getAsJsonObject().has("tool")
                    || !"chipflow".equals(e.getAsJsonObject().get("tool").getAsString())) {
                throw new ScenarioException(file.getFileName() + ": not a chipflow manifest.json");
            }
            return e.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new ScenarioException("file '" + file + "' does not exist");
        } catch (IOException e) {
            throw new ScenarioException("cannot read '" + file + "': " + e.getMessage());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new ScenarioException(file.getFileName() + ": not a chipflow manifest.json (not valid JSON)");
        }
    }

    /**
     * Rebuilds a scenario from the full knob list of a manifest: firms exactly as listed, in order.
     *
     * @param where the manifest's path (for messages)
     * @param s     the scenario object ({@code name}, {@code knobsSha256}, {@code knobs})
     * @param field where in the manifest it is, for messages
     * @param strict whether the knobs must match the recorded knobsSha256 (a rerun); else they may be edited
     */
    static Scenario scenarioOf(Path where, JsonObject s, String field, boolean strict) {
        JsonElement knobs = s.get("knobs");
        if (knobs == null || !knobs.isJsonObject()) {
            throw new ScenarioException(where.getFileName() + ": '" + field + "' has no knobs");
        }
        List<KnobAssignment> list = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : knobs.getAsJsonObject().entrySet()) {
            if (!e.getValue().isJsonPrimitive()) {
                throw new ScenarioException(where.getFileName() + ": knob '" + e.getKey() + "' is not text");
            }
            String origin = where.getFileName() + " " + field + ".knobs." + e.getKey();
            String[] name = KnobAssignment.splitDate(e.getKey(), origin);
            list.add(new KnobAssignment(name[0], KnobAssignment.date(name[1], origin), e.getValue().getAsString(),
                    origin));
        }
        Scenario noFirms = Scenario.builder().firms(List.of()).build();
        Scenario rebuilt = withSources(where, s.get("timeline"), KnobAssignments.apply(noFirms, list));
        JsonElement hash = s.get("knobsSha256");
        if (strict && hash != null && !hash.getAsString().equals(Manifest.knobsSha256(rebuilt))) {
            throw new ScenarioException(where.getFileName() + ": the knobs of '" + field
                    + "' do not match its knobsSha256 (edited by hand, or written by another chipflow version)");
        }
        return rebuilt;
    }

    /** Puts back the sources and trust of the changes, which the knobs do not hold; the values must agree. */
    private static Scenario withSources(Path where, JsonElement timeline, Scenario rebuilt) {
        if (timeline == null || !timeline.isJsonArray()) {
            return rebuilt;
        }
        List<PolicyChange> changes = new ArrayList<>();
        try {
            for (JsonElement e : timeline.getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                changes.add(new PolicyChange(LocalDate.parse(o.get("date").getAsString()), o.get("knob").getAsString(),
                        o.get("value").getAsString(), o.get("source").getAsString(), o.get("trust").getAsString()));
            }
        } catch (RuntimeException e) {
            throw new ScenarioException(where.getFileName() + ": 'timeline' is not a list of {date, knob, value, "
                    + "source, trust}");
        }
        Scenario sourced = rebuilt.toBuilder().timeline(new Timeline(changes)).build();
        if (!Knobs.values(sourced).equals(Knobs.values(rebuilt))) {
            throw new ScenarioException(where.getFileName() + ": 'timeline' and the dated knobs disagree");
        }
        return sourced;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
