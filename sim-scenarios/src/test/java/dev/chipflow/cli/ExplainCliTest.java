package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code chipflow explain}: the answer in words before the table, the report directory (explain.csv whose shares add
 * up to shortfall.csv's units held by the rules, charts that decode, report.html, manifest.json), the same bytes on
 * one thread or two and on a rerun, sampling under a budget, and bad input refused in one line with nothing written.
 */
class ExplainCliTest {

    private static final String[] FILES = {"explain.csv", "explain-all.png", "explain-firms-2026-06-30.png",
        "explain-firms-2026-12-31.png", "manifest.json", "report.html", "shortfall.csv"};

    @TempDir
    static Path tmp;

    static Path oneThread;
    static Path twoThreads;
    static Cli.Result first;

    @BeforeAll
    static void explainTwice() {
        oneThread = tmp.resolve("t1");
        twoThreads = tmp.resolve("t2");
        first = Cli.run("explain", "orders-placed", "-r", "2", "-t", "1", "--out", oneThread.toString());
        assertEquals(0, first.exit(), first.err());
        Cli.Result second = Cli.run("explain", "orders-placed", "-r", "2", "-t", "2", "--out", twoThreads.toString());
        assertEquals(0, second.exit(), second.err());
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .build())) {
            return p.getRecords();
        }
    }

    @Test
    void theAnswerInWordsComesFirstThenTheTable() {
        String out = first.out();
        assertTrue(out.startsWith("orders-placed: which rule holds the units back; 2 replications"), out);
        assertTrue(out.contains("exact Shapley values over all 1,024 subsets of the 10 rules (2,048 model runs)"));
        int words = out.indexOf("Of the ");
        int table = out.indexOf("Shapley share [95% CI]");
        assertTrue(words > 0 && words < table, out);
        assertTrue(out.contains("units ordered and not delivered by 2026-06-30"), out);
        assertTrue(out.contains("units ordered and not delivered by 2026-12-31"), out);
        assertTrue(out.contains("the domestic-chip quota"), out);
    }

    @Test
    void theReportHoldsEveryFileAndTheSharesAddUp() throws IOException {
        assertEquals(List.of(FILES).stream().sorted().toList(), List.copyOf(Cli.files(oneThread).keySet()));
        for (String png : FILES) {
            if (png.endsWith(".png")) {
                BufferedImage img = ImageIO.read(oneThread.resolve(png).toFile());
                assertNotNull(img, png);
                assertEquals(1000, img.getWidth(), png);
            }
        }
        assertTrue(Files.readString(oneThread.resolve("explain.csv")).startsWith("rule,date,firm,shapley_mean,"
                + "shapley_lower,shapley_upper,lifted_alone_mean,lifted_alone_lower,lifted_alone_upper,"
                + "kept_alone_mean,kept_alone_lower,kept_alone_upper\n"));
        List<CSVRecord> rows = csv(oneThread.resolve("explain.csv"));
        assertEquals(2 * 7 * 10, rows.size(), "2 dates x (6 firms + all) x 10 rules");
        Map<String, Double> sums = new HashMap<>();
        for (CSVRecord r : rows) {
            sums.merge(r.get("date") + "/" + r.get("firm"), Double.parseDouble(r.get("shapley_mean")), Double::sum);
        }
        List<CSVRecord> shortfall = csv(oneThread.resolve("shortfall.csv"));
        assertEquals(14, shortfall.size());
        for (CSVRecord r : shortfall) {
            String key = r.get("date") + "/" + r.get("firm");
            double held = Double.parseDouble(r.get("held_by_rules_mean"));
            // CSV cells carry 12 significant digits: the sum of ten of them agrees to a relative 1e-9.
            assertEquals(held, sums.get(key), 1e-9 * Math.max(1, held), key + ": the shares add up to what the "
                    + "rules hold");
            double ordered = Double.parseDouble(r.get("ordered"));
            assertEquals(ordered - Double.parseDouble(r.get("delivered_as_is_mean")),
                    Double.parseDouble(r.get("shortfall_mean")), 1e-6, key);
        }
        String html = Files.readString(oneThread.resolve("report.html"));
        int headline = html.indexOf("<div class=\"headline\">");
        assertTrue(headline > 0 && headline < html.indexOf("<img"), "words first, then the charts");
        assertTrue(html.contains("The rules and their lifted forms") && html.contains("cap.ratio=unlimited"));
        JsonObject m = JsonParser.parseString(Files.readString(oneThread.resolve("manifest.json"))).getAsJsonObject();
        assertEquals("explain", m.get("command").getAsString());
        assertEquals("exact", m.getAsJsonObject("explain").get("method").getAsString());
    }

    @Test
    void sameBytesOnOneThreadOrTwoAndOnARerun() throws IOException {
        Map<String, byte[]> a = Cli.files(oneThread);
        Map<String, byte[]> b = Cli.files(twoThreads);
        Path again = tmp.resolve("again");
        Cli.Result r = Cli.run("rerun", oneThread.resolve("manifest.json").toString(), "-t", "2", "--out",
                again.toString());
        assertEquals(0, r.exit(), r.err());
        Cli.assertSameBytesButTheManifest(a, b, ": threads change nothing");
        Cli.assertSameBytesButTheManifest(a, Cli.files(again), ": the rerun gives the same file");
    }

    /** A manifest whose explain date is impossible is refused in one line naming the field, before anything runs. */
    @Test
    void aRerunOfAManifestWithAnImpossibleDateIsOneLine() throws IOException {
        Path bad = tmp.resolve("bad-manifest.json");
        Files.writeString(bad, Files.readString(oneThread.resolve("manifest.json")).replace("\"2026-06-30\"",
                "\"2026-02-30\""));
        Path out = tmp.resolve("never");
        Cli.Result r = Cli.run("rerun", bad.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("chipflow rerun: bad-manifest.json: 'explain.dates' holds '2026-02-30', not a date (YYYY-MM-DD)",
                r.err().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * A budget of 100 runs for 2 replications: 50 per replication, the 22 shared subsets and (50 - 22) / 7 = 4
     * random orders each, so sampled Shapley values from at most 2 x 50 runs.
     */
    @Test
    void aBudgetBelowEverySubsetSamples() {
        Cli.Result r = Cli.run("explain", "orders-placed", "-r", "2", "--budget", "100", "--at", "2026-09-30");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Shapley values sampled from 4 random orders of the 10 rules per replication"),
                r.out());
        assertTrue(r.out().contains("2026-09-30") && r.out().contains("2026-06-30") && r.out().contains("2026-12-31"),
                "the date asked for, beside mid-year and the end");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "date after the horizon|--at|2027-01-01|--at: analysis date 2027-01-01 is outside the run",
        "not a date|--at|2026-13-01|--at '2026-13-01' is not a date YYYY-MM-DD",
        "budget too small|--budget|10|--budget: a budget of 10 model runs is too small for 2 replications",
        "budget zero|--budget|0|--budget must be at least 1 model run",
        "too many runs|--replications|1025|--replications: 1,025 replications x 1,024 subsets = 1,049,600"})
    void badInputIsOneLineAndWritesNothing(String what, String option, String value, String message) {
        Path out = tmp.resolve("bad-" + what.replace(' ', '-'));
        List<String> args = new java.util.ArrayList<>(List.of("explain", "orders-placed", option, value, "--out",
                out.toString()));
        if (!option.equals("--replications")) {
            args.addAll(List.of("-r", "2"));
        }
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(ChipflowCli.USAGE, r.exit(), what + ": " + r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.errLines()[0].startsWith("chipflow explain: " + message), r.err());
        assertEquals("", r.out(), "nothing ran");
        assertFalse(Files.exists(out), "no report directory");
    }
}
