package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chipflow.experiment.Comparison;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.report.Reports;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report written from code ({@link Reports#write}) has the command line's files, byte for byte, and reruns. */
class ReportsFromCodeTest {

    private static final int REPLICATIONS = 3;
    private static final long SEED = 20260101L;

    @TempDir
    Path tmp;

    @Test
    void aRunFromCodeWritesWhatTheCommandLineWrites() throws IOException {
        Scenario s = NamedScenarios.get(NamedScenarios.ORDERS_PLACED);
        List<SupplyResult> results = new ReplicationRunner(2, dev.chipflow.experiment.Progress.NONE)
                .run(REPLICATIONS, SEED, SupplyModel.replication(s));
        Path fromCode = Reports.write(s, results, SEED, tmp.resolve("code"));
        Cli.Result cli = Cli.run("run", "orders-placed", "-r", Integer.toString(REPLICATIONS), "--seed",
                Long.toString(SEED), "--out", tmp.resolve("cli").toString());
        assertEquals(0, cli.exit(), cli.err());
        assertSameFilesButTheManifest(tmp.resolve("cli"), fromCode);

        JsonObject m = JsonParser.parseString(Files.readString(fromCode.resolve("manifest.json"))).getAsJsonObject();
        assertEquals("run", m.get("command").getAsString());
        assertEquals(SEED, m.get("seed").getAsLong());
        assertEquals(REPLICATIONS, m.get("replications").getAsInt());
        assertEquals(BuildInfo.gitCommit(), m.get("gitCommit").getAsString());
        assertEquals(0, m.getAsJsonArray("arguments").size());

        // The manifest reruns from the command line to the same files.
        Cli.Result rerun = Cli.run("rerun", fromCode.resolve("manifest.json").toString(), "--out",
                tmp.resolve("rerun").toString());
        assertEquals(0, rerun.exit(), rerun.err());
        assertSameFilesButTheManifest(fromCode, tmp.resolve("rerun"));
        // Written again to the same place: a chipflow report is replaced.
        assertEquals(fromCode, Reports.write(s, results, SEED, fromCode));
    }

    @Test
    void aComparisonFromCodeWritesWhatTheCommandLineWrites() throws IOException {
        Scenario a = NamedScenarios.get(NamedScenarios.HISTORICAL);
        Scenario b = NamedScenarios.get(NamedScenarios.PERMITS_JULY);
        Comparison<SupplyResult> c = Comparison.run(ReplicationRunner.allCores(), REPLICATIONS, SEED,
                SupplyModel.replication(a), SupplyModel.replication(b));
        Path fromCode = Reports.write(a, b, c, SEED, tmp.resolve("code"));
        Cli.Result cli = Cli.run("compare", a.name(), b.name(), "-r", Integer.toString(REPLICATIONS), "--seed",
                Long.toString(SEED), "--out", tmp.resolve("cli").toString());
        assertEquals(0, cli.exit(), cli.err());
        assertSameFilesButTheManifest(tmp.resolve("cli"), fromCode);
        String manifest = Files.readString(fromCode.resolve("manifest.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"command\": \"compare\""), manifest);
    }

    private static void assertSameFilesButTheManifest(Path expected, Path actual) throws IOException {
        Map<String, byte[]> e = Cli.files(expected);
        Map<String, byte[]> a = Cli.files(actual);
        assertEquals(e.keySet(), a.keySet());
        Cli.assertSameBytesButTheManifest(e, a, "");
    }
}
