package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.report.Manifest;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report a run writes with --out: every file there, CSV numbers equal to summaries computed here from the model's
 * own results, charts that decode, a self-contained report.html, a manifest that reruns to the same bytes, and the
 * same bytes with one thread or two.
 */
class ReportFilesTest {

    private static final int REPLICATIONS = 3;
    private static final long SEED = 20260101L;

    @TempDir
    static Path tmp;

    static Path oneThread;
    static Path twoThreads;

    @BeforeAll
    static void runTwice() {
        oneThread = tmp.resolve("t1");
        twoThreads = tmp.resolve("t2");
        for (Object[] run : new Object[][] {{oneThread, "1"}, {twoThreads, "2"}}) {
            Cli.Result r = Cli.run("run", "orders-placed", "-r", Integer.toString(REPLICATIONS), "--seed",
                    Long.toString(SEED), "--threads", (String) run[1], "--out", run[0].toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("Report written to " + ((Path) run[0]).toAbsolutePath()), r.out());
        }
    }

    @Test
    void everyFileIsThereAndNonEmpty() throws IOException {
        Map<String, byte[]> f = Cli.files(oneThread);
        assertEquals(List.of("attribution.csv", "attribution.png", "cap-headroom.png", "daily.csv",
                "deliveries.png", "firms.csv", "inventory.png", "lab.png", "manifest.json", "report.html",
                "stages-at-end.png", "summary.csv"), List.copyOf(f.keySet()));
        for (Map.Entry<String, byte[]> e : f.entrySet()) {
            assertTrue(e.getValue().length > 100, e.getKey() + " is not empty");
        }
    }

    @Test
    void chartsDecodeAsImages() throws IOException {
        for (String png : List.of("deliveries.png", "stages-at-end.png", "attribution.png", "cap-headroom.png",
                "lab.png", "inventory.png")) {
            BufferedImage img = ImageIO.read(oneThread.resolve(png).toFile());
            assertNotNull(img, png);
            assertEquals(1000, img.getWidth(), png);
            assertEquals(560, img.getHeight(), png);
        }
    }

    @Test
    void csvMatchesSummariesOfTheModelsOwnResults() throws IOException {
        Scenario s = NamedScenarios.ordersPlaced();
        List<SupplyResult> results = new ReplicationRunner(1, dev.chipflow.experiment.Progress.NONE)
                .run(REPLICATIONS, SEED, SupplyModel.replication(s));
        SummaryTable table = SummaryTable.of(results);
        try (Reader in = Files.newBufferedReader(oneThread.resolve("firms.csv"), StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader()
                        .setSkipHeaderRecord(true).build())) {
            List<CSVRecord> rows = p.getRecords();
            for (int i = 0; i < s.firms().size(); i++) {
                String firm = s.firms().get(i).name();
                assertEquals(firm, rows.get(i).get("firm"));
                assertEquals(table.get(firm + ".delivered").mean(),
                        Double.parseDouble(rows.get(i).get("delivered_mean")), 1e-6, firm);
                assertEquals(table.get(firm + ".ordered").mean(),
                        Double.parseDouble(rows.get(i).get("ordered_mean")), 1e-6, firm);
            }
            double all = table.get("all.delivered").mean();
            assertEquals(all, Double.parseDouble(rows.get(s.firms().size()).get("delivered_mean")),
                    1e-11 * Math.max(1, all));
        }
        try (Reader in = Files.newBufferedReader(oneThread.resolve("summary.csv"), StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader()
                        .setSkipHeaderRecord(true).build())) {
            for (CSVRecord r : p.getRecords()) {
                double expected = table.get(r.get("output")).mean();
                String cell = r.get("mean");
                if (Double.isNaN(expected)) {
                    assertEquals("", cell, r.get("output"));
                } else {
                    // Cells carry 12 significant digits.
                    assertEquals(expected, Double.parseDouble(cell), 1e-11 * Math.max(1, Math.abs(expected)),
                            r.get("output"));
                }
            }
        }
    }

    @Test
    void reportHtmlIsSelfContainedAndAnswersTheQuestion() throws IOException {
        String html = Files.readString(oneThread.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("By 2026-06-30: "), "headline");
        assertTrue(html.contains("Units are held at"), "where the units are");
        assertTrue(html.contains("<h2>Per firm</h2>"));
        assertTrue(html.contains("Attribution: units per firm"));
        assertTrue(html.contains("<h2>Assumptions (knobs without a public source)</h2>"));
        assertTrue(html.contains("<h2>Scenario knobs</h2>"));
        for (Knob k : Knobs.all()) {
            assertTrue(html.contains("<td>" + k.name() + "</td>"), k.name());
        }
        assertEquals(6, html.split("src=\"data:image/png;base64,", -1).length - 1, "six embedded charts");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external assets");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no stylesheets to fetch");
    }

    @Test
    void manifestRecordsWhatReproducesTheRun() throws IOException {
        JsonObject m = JsonParser.parseString(Files.readString(oneThread.resolve("manifest.json")))
                .getAsJsonObject();
        assertEquals("chipflow", m.get("tool").getAsString());
        assertEquals("run", m.get("command").getAsString());
        assertEquals(SEED, m.get("seed").getAsLong());
        assertEquals(REPLICATIONS, m.get("replications").getAsInt());
        assertEquals(1, m.get("threads").getAsInt());
        assertFalse(m.get("version").getAsString().isBlank());
        assertTrue(m.get("gitCommit").getAsString().matches("[0-9a-f]{40}|unknown"));
        assertEquals(SupplyModel.streamNames().size(), m.getAsJsonArray("randomStreams").size());
        JsonObject scenario = m.getAsJsonObject("scenario");
        Scenario s = NamedScenarios.ordersPlaced();
        assertEquals(Manifest.knobsSha256(s), scenario.get("knobsSha256").getAsString());
        for (Map.Entry<String, String> k : Knobs.values(s).entrySet()) {
            assertEquals(k.getValue(), scenario.getAsJsonObject("knobs").get(k.getKey()).getAsString(), k.getKey());
        }
        JsonObject hashes = m.getAsJsonObject("files");
        for (String f : hashes.keySet()) {
            assertEquals(Manifest.sha256(Files.readAllBytes(oneThread.resolve(f))), hashes.get(f).getAsString(), f);
        }
    }

    @Test
    void filesAreByteIdenticalWithOneThreadOrTwo() throws IOException {
        Map<String, byte[]> a = Cli.files(oneThread);
        Map<String, byte[]> b = Cli.files(twoThreads);
        assertEquals(a.keySet(), b.keySet());
        Cli.assertSameBytesButTheManifest(a, b, " does not depend on the thread count");
        assertEquals(Cli.manifestBesideThreadsAndArguments(a.get("manifest.json")),
                Cli.manifestBesideThreadsAndArguments(b.get("manifest.json")),
                "the manifests differ only in the thread count (and the command line)");
    }

    @Test
    void rerunFromTheManifestGivesTheSameFiles() throws IOException {
        Path again = tmp.resolve("again");
        Cli.Result r = Cli.run("rerun", oneThread.resolve("manifest.json").toString(), "--threads", "2", "--out",
                again.toString());
        assertEquals(0, r.exit(), r.err());
        Cli.assertSameBytesButTheManifest(Cli.files(oneThread), Cli.files(again), "");
        Cli.Result fromFile = Cli.run("run", "--file", oneThread.resolve("manifest.json").toString(), "-r", "3");
        assertEquals(0, fromFile.exit(), fromFile.err());
        assertTrue(fromFile.out().startsWith("orders-placed: 3 replications"), fromFile.out());
    }

    @Test
    void compareAndSweepWriteTheirReportsAndRerun() throws IOException {
        Path cmp = tmp.resolve("cmp");
        Cli.Result c = Cli.run("compare", "historical-2026", "orders-placed", "-r", "2", "--out", cmp.toString());
        assertEquals(0, c.exit(), c.err());
        for (String f : List.of("comparison.csv", "firms-a.csv", "firms-b.csv", "comparison-deliveries.png",
                "comparison-differences.png", "report.html", "manifest.json")) {
            assertTrue(Files.size(cmp.resolve(f)) > 100, f);
        }
        assertTrue(Files.readString(cmp.resolve("comparison.csv")).startsWith(
                "output,a_mean,a_lower,a_upper,b_mean,b_lower,b_upper,diff_mean,diff_lower,diff_upper,significant\n"));

        Path sweep = tmp.resolve("sweep");
        Cli.Result s = Cli.run("sweep", "lab-lines", "--knob2", "cap.ratio", "--values2", "0.25,0.5", "-r", "2",
                "--out", sweep.toString());
        assertEquals(0, s.exit(), s.err());
        assertTrue(Files.readString(sweep.resolve("sweep.csv")).startsWith(
                "lab.lines,lab.lines_value,cap.ratio,cap.ratio_value,output,mean,sd,lower,upper,n\n"));
        for (String f : List.of("sweep-delivered.png", "sweep-cap-binding.png")) {
            assertNotNull(ImageIO.read(sweep.resolve(f).toFile()), f);
        }

        for (Path dir : List.of(cmp, sweep)) {
            Path again = tmp.resolve(dir.getFileName() + "-again");
            Cli.Result r = Cli.run("rerun", dir.resolve("manifest.json").toString(), "--out", again.toString());
            assertEquals(0, r.exit(), r.err());
            Map<String, byte[]> a = Cli.files(dir);
            Map<String, byte[]> b = Cli.files(again);
            assertEquals(a.keySet(), b.keySet());
            Cli.assertSameBytesButTheManifest(a, b, " in " + dir.getFileName());
        }
    }
}
