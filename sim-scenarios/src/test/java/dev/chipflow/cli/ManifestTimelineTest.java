package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.scenarios.ScenarioException;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest holds each dated change twice: its value among the knobs ({@code knob@date}) and, with its source and
 * trust, in {@code timeline}. Reading the manifest back gives the scenario's timeline as it was, sources included;
 * a timeline that says otherwise than the knobs is refused.
 */
class ManifestTimelineTest {

    @TempDir
    static Path tmp;

    static Path manifest;

    @BeforeAll
    static void runTheRecord() {
        Path out = tmp.resolve("record");
        Cli.Result r = Cli.run("run", NamedScenarios.HISTORICAL, "-r", "1", "--progress", "never", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        manifest = out.resolve("manifest.json");
    }

    private static JsonObject scenarioObject() throws IOException {
        return JsonParser.parseString(Files.readString(manifest)).getAsJsonObject().getAsJsonObject("scenario");
    }

    /** historical-2026's seven dated changes (Record2026) come back with the same dates, values, sources, trust. */
    @Test
    void theTimelineComesBackWithItsSources() throws IOException {
        Scenario expected = NamedScenarios.historical2026();
        Scenario back = ScenarioSources.scenarioOf(manifest, scenarioObject(), "scenario", true);
        assertEquals(7, expected.timeline().changes().size());
        assertEquals(expected.timeline().changes(), back.timeline().changes());
        assertEquals(Knobs.values(expected), Knobs.values(back));
    }

    /** The knobs say licence.perFirmCap is 75000 from 2026-03-03; a timeline saying 50000 disagrees. */
    @Test
    void aTimelineThatDisagreesWithTheKnobsIsRefused() throws IOException {
        JsonObject s = scenarioObject();
        for (var e : s.getAsJsonArray("timeline")) {
            JsonObject c = e.getAsJsonObject();
            if (c.get("knob").getAsString().equals("licence.perFirmCap")) {
                c.addProperty("value", "50000");
            }
        }
        ScenarioException x = assertThrows(ScenarioException.class,
                () -> ScenarioSources.scenarioOf(manifest, s, "scenario", true));
        assertEquals("manifest.json: 'timeline' and the dated knobs disagree", x.getMessage());
    }

    @Test
    void aTimelineEntryWithoutItsSourceIsRefused() throws IOException {
        JsonObject s = scenarioObject();
        s.getAsJsonArray("timeline").get(0).getAsJsonObject().remove("source");
        ScenarioException x = assertThrows(ScenarioException.class,
                () -> ScenarioSources.scenarioOf(manifest, s, "scenario", true));
        assertEquals("manifest.json: 'timeline' is not a list of {date, knob, value, source, trust}", x.getMessage());
    }
}
