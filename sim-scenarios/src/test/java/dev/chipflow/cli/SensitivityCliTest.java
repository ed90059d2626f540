package dev.chipflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chipflow.report.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code chipflow sensitivity}: the report directory (every file, byte-identical whatever the threads and on a rerun
 * from its manifest) and bad input (one line naming the option, the value and what is allowed, exit 2, nothing
 * written). The analyses are tiny (8 base samples, 2 factors, 2 replications: 64 replications) so the class runs in a
 * few seconds.
 */
class SensitivityCliTest {

    @TempDir
    static Path tmp;

    static Path oneThread;
    static Path twoThreads;
    static Cli.Result first;

    private static String[] tiny(Path out, String threads) {
        return new String[] {"sensitivity", "orders-placed", "--no-default-factors", "--factor", "lab.lines=1..8",
            "--factor", "customs.blocks=0..120", "--samples", "8", "-r", "2", "--bootstrap", "200", "--threads",
            threads, "--output", "system.labMeanWaitDays", "--out", out.toString()};
    }

    @BeforeAll
    static void runTwice() {
        oneThread = tmp.resolve("one");
        twoThreads = tmp.resolve("two");
        first = Cli.run(tiny(oneThread, "1"));
        assertEquals(0, first.exit(), first.err());
        Cli.Result second = Cli.run(tiny(twoThreads, "2"));
        assertEquals(0, second.exit(), second.err());
    }

    @Test
    void theReportHoldsEveryFileAndLeadsWithTheAnswer() throws IOException {
        assertEquals(List.of("design.csv", "factors.csv", "histogram.png", "indices-all.deliveredBy2026-06-30.png",
                "indices-all.deliveredBy2026-12-31.png", "indices-system.labMeanWaitDays.png", "manifest.json",
                "report.html", "scatter.png", "sensitivity.csv", "uncertainty.csv"),
                new ArrayList<>(Cli.files(oneThread).keySet()));
        String csv = Files.readString(oneThread.resolve("sensitivity.csv"));
        assertTrue(csv.startsWith("factor,output,first,first_lower,first_upper,total,total_lower,total_upper\n"
                + "lab.lines,all.deliveredBy2026-06-30,"), csv);
        // 2 dates x (all + 6 firms) + 1 scalar output, 2 factors each.
        assertEquals(1 + 15 * 2, csv.split("\n").length);
        List<String> design = Files.readAllLines(oneThread.resolve("design.csv"));
        assertEquals(1 + 8 * 4, design.size());
        assertTrue(design.get(0).startsWith("point,matrix,row,lab.lines,customs.blocks,all.deliveredBy2026-06-30,"),
                design.get(0));
        assertTrue(design.get(1).startsWith("0,A,0,"), design.get(1));
        String html = Files.readString(oneThread.resolve("report.html"));
        int headline = html.indexOf("<div class=\"headline\">");
        assertTrue(headline > 0 && html.indexOf("Deliveries by 2026-06-30 depend mostly on ") > headline, html);
        assertTrue(html.contains("in 90% of cases (median "));
        assertTrue(html.contains("Assumptions not varied") == false, "--no-default-factors: nothing skipped");
        assertTrue(html.contains("customs.blocks") && html.contains("shift of each window&#39;s end, days"));
        assertTrue(first.out().contains("Deliveries by 2026-12-31 depend"), first.out());
        JsonObject m = JsonParser.parseString(Files.readString(oneThread.resolve("manifest.json"))).getAsJsonObject();
        assertEquals("sensitivity", m.get("command").getAsString());
        assertEquals(2, m.get("replications").getAsInt());
        JsonObject def = m.getAsJsonObject("sensitivity");
        assertEquals("sobol", def.get("method").getAsString());
        assertEquals("[\"lab.lines=1..8\",\"customs.blocks=0..120\"]", def.get("factors").toString());
        assertTrue(m.getAsJsonArray("randomStreams").toString().contains("sensitivity.design"));
        JsonObject hashes = m.getAsJsonObject("files");
        for (String f : hashes.keySet()) {
            assertEquals(Manifest.sha256(Files.readAllBytes(oneThread.resolve(f))), hashes.get(f).getAsString(), f);
        }
    }

    @Test
    void filesAreByteIdenticalWithOneThreadOrTwoAndOnARerun() throws IOException {
        Map<String, byte[]> a = Cli.files(oneThread);
        Map<String, byte[]> b = Cli.files(twoThreads);
        assertEquals(a.keySet(), b.keySet());
        Cli.assertSameBytesButTheManifest(a, b, " does not depend on the thread count");
        assertEquals(Cli.manifestBesideThreadsAndArguments(a.get("manifest.json")),
                Cli.manifestBesideThreadsAndArguments(b.get("manifest.json")));
        Path again = tmp.resolve("again");
        Cli.Result r = Cli.run("rerun", oneThread.resolve("manifest.json").toString(), "--threads", "2", "--out",
                again.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, byte[]> c = Cli.files(again);
        assertEquals(a.keySet(), c.keySet());
        Cli.assertSameBytesButTheManifest(a, c, " reruns to the same bytes");
    }

    @Test
    void morrisWritesMuStarAndSigma() throws IOException {
        Path out = tmp.resolve("morris");
        Cli.Result r = Cli.run("sensitivity", "orders-placed", "--method", "morris", "--no-default-factors",
                "--factor", "lab.lines=1..8", "--factor", "domestic.ratio=0..2", "--samples", "4", "-r", "2",
                "--bootstrap", "100", "--at", "2026-09-30", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String csv = Files.readString(out.resolve("sensitivity.csv"));
        assertTrue(csv.startsWith("factor,output,mu_star,mu_star_lower,mu_star_upper,mu,sigma\n"
                + "lab.lines,all.deliveredBy2026-06-30,"), csv);
        assertTrue(Files.readAllLines(out.resolve("design.csv")).get(1).startsWith("0,T1.0,0,"));
        assertTrue(csv.contains("lab.lines,all.deliveredBy2026-09-30,"), "the date asked for, beside the defaults");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--factor lab.linez=1..2 | --factor 'lab.linez=1..2': knob 'knob name' = 'lab.linez' is not allowed: "
            + "expected one of [",
        "--factor cap.split=0..1 | --factor 'cap.split=0..1': 'cap.split' takes true or false",
        "--factor lab.lines=1-4 | --factor 'lab.lines=1-4': '1-4' is not a range LOW..HIGH",
        "--factor lab.lines=1.5..4 | --factor 'lab.lines=1.5..4': the range of lab.lines (value (whole numbers)) "
            + "must be whole numbers",
        "--factor china.conversionShare=0.5..1.5 | --factor 'china.conversionShare=0.5..1.5': knob "
            + "'china.conversionShare' = '1.5' is not allowed: expected a number in [0, 1]",
        "--factor supply.productionStart=0..4000 | --factor 'supply.productionStart=0..4000': knob "
            + "'supply.productionStart' = '2037-03-14' is not allowed: expected a date from 2026-01-01 to 2035-12-31",
        "--factor lab.lines=1..2 --factor lab.lines=2..3 | second time",
        "--method sobolx | --method 'sobolx' is not a method: sobol or morris",
        "--samples 500 | --samples 500 is not allowed for sobol: a power of two from 8 to 65536",
        "--method morris --samples 1 | --samples 1 is not allowed for morris",
        "--at 2027-01-01 | --at '2027-01-01' is outside the run: a date from 2026-01-01 to the horizon's end "
            + "2026-12-31",
        "--at 2026-13-01 | --at '2026-13-01': '2026-13-01' is not a date YYYY-MM-DD",
        "--output all.deliverd | --output 'all.deliverd' is not an output of the model",
        "--no-default-factors | --no-default-factors leaves nothing to vary",
        "--bootstrap 10 | --bootstrap 10 is not allowed: a number of resamples from 100 to 100000",
        "--replications 0 | --replications 0 is not allowed",
        "--samples 65536 --replications 100 | needs 78643200 replications: at most 2000000",
    })
    void badInputIsOneLineExitTwoAndNothingWritten(String options, String expected) throws IOException {
        Path out = tmp.resolve("bad");
        List<String> args = new ArrayList<>(List.of("sensitivity", "orders-placed"));
        args.addAll(List.of(options.trim().split(" ")));
        args.addAll(List.of("--out", out.toString()));
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(ChipflowCli.USAGE, r.exit(), options + ": " + r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("chipflow sensitivity: "), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out(), "nothing ran");
        assertFalse(Files.exists(out), "no report directory");
    }
}
