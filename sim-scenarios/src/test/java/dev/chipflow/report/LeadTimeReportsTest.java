package dev.chipflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Lead times in firms.csv, report.html and on the console: summarised over the replications that delivered to the
 * firm (not "-" as soon as one replication delivered nothing), the median beside the mean, and how many replications
 * that is. In {@link FakeResults}, DeepSeek gets deliveries in replications 0 and 2 of 4, Others in none.
 */
class LeadTimeReportsTest {

    private final Scenario scenario = NamedScenarios.ordersPlaced();
    private final List<SupplyResult> results = FakeResults.of(scenario, 4, 7);
    private final RunAnalysis run = new RunAnalysis(scenario, results);

    private double meanOverDelivering(String firm, boolean median) {
        double sum = 0;
        int k = 0;
        for (SupplyResult r : results) {
            if (r.firm(firm).delivered() > 0) {
                sum += median ? r.firm(firm).leadTimeP50() : r.firm(firm).leadTimeMean();
                k++;
            }
        }
        assertEquals(2, k, "the fake results deliver to " + firm + " in 2 of 4 replications");
        return sum / k;
    }

    private static double num(String cell) {
        return Double.parseDouble(cell);
    }

    @Test
    void firmsCsvSummarisesLeadTimesOverTheReplicationsThatDelivered() throws IOException {
        List<CSVRecord> rows = CsvReportsTest.parse(CsvReports.firms(run));
        CSVRecord deepSeek = rows.stream().filter(r -> r.get("firm").equals("DeepSeek")).findFirst().orElseThrow();
        assertEquals(meanOverDelivering("DeepSeek", false), num(deepSeek.get("leadTimeMeanDays_mean")), 1e-9);
        assertEquals(meanOverDelivering("DeepSeek", true), num(deepSeek.get("leadTimeP50Days_mean")), 1e-9);
        for (String o : List.of("leadTimeMeanDays", "leadTimeP50Days", "leadTimeP90Days")) {
            assertEquals("2", deepSeek.get(o + "_n"), o + ": over 2 of 4 replications");
            assertTrue(num(deepSeek.get(o + "_lower")) <= num(deepSeek.get(o + "_upper")), o);
        }
        CSVRecord others = rows.stream().filter(r -> r.get("firm").equals("Others")).findFirst().orElseThrow();
        assertEquals("", others.get("leadTimeP50Days_mean"), "no replication delivered: no lead time");
        assertEquals("0", others.get("leadTimeP50Days_n"));
        assertEquals("4", rows.get(0).get("leadTimeMeanDays_n"), "ByteDance gets deliveries in every replication");
        assertEquals("", rows.get(rows.size() - 1).get("leadTimeMeanDays_n"), "no lead time for 'all'");
    }

    @Test
    void firmsCsvHeaderPutsTheCountAfterEachLeadTime() throws IOException {
        List<String> h = CsvReportsTest.header(CsvReports.firms(run));
        int mean = h.indexOf("leadTimeMeanDays_mean");
        assertEquals(List.of("leadTimeMeanDays_mean", "leadTimeMeanDays_lower", "leadTimeMeanDays_upper",
                "leadTimeMeanDays_n", "leadTimeP50Days_mean", "leadTimeP50Days_lower", "leadTimeP50Days_upper",
                "leadTimeP50Days_n", "leadTimeP90Days_mean", "leadTimeP90Days_lower", "leadTimeP90Days_upper",
                "leadTimeP90Days_n"), h.subList(mean, mean + 12));
        assertTrue(h.stream().filter(c -> c.endsWith("_n")).allMatch(c -> c.startsWith("leadTime")),
                "counts only for the lead times, whose summary may cover fewer replications: " + h);
    }

    @Test
    void htmlPerFirmTableGivesMeanAndMedianOverKOfNReplications() {
        List<List<String>> rows = RunHtml.firmRows(run);
        List<String> deepSeek = rows.stream().filter(r -> r.get(0).equals("DeepSeek")).findFirst().orElseThrow();
        String expected = Fmt.human(meanOverDelivering("DeepSeek", false)) + " / "
                + Fmt.human(meanOverDelivering("DeepSeek", true)) + " over 2 of 4 replications";
        assertTrue(deepSeek.contains(expected), deepSeek + " holds " + expected);
        assertTrue(rows.get(0).stream().anyMatch(c -> c.endsWith(" over 4 of 4 replications")), "ByteDance");
        String html = RunHtml.of(run, new RunInfo(1, 4, "test"), Reports.runCharts(run));
        assertTrue(html.contains("lead time, days (mean / median)"), "the column says what the two numbers are");
        assertTrue(html.contains(expected));
    }

    @Test
    void consoleTableGivesMeanAndMedianOverKOfNReplications() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReport.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), run, new RunInfo(1, 4, "test"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        String deepSeek = out.lines().filter(l -> l.startsWith("DeepSeek")).findFirst().orElseThrow();
        assertTrue(deepSeek.contains(Fmt.human(meanOverDelivering("DeepSeek", false)) + " / "
                + Fmt.human(meanOverDelivering("DeepSeek", true)) + " over 2 of 4 replications"), deepSeek);
        assertTrue(out.contains("lead time, d (mean / median)"), out);
    }
}
