package dev.chipflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.SummaryTable;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyResult;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV files against hand-made results: every number is the summary computed straight from the results. */
class CsvReportsTest {

    private final Scenario scenario = NamedScenarios.ordersPlaced();
    private final List<SupplyResult> results = FakeResults.of(scenario, 4, 7);
    private final RunAnalysis run = new RunAnalysis(scenario, results);

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return p.getRecords();
        }
    }

    static List<String> header(String csv) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return p.getHeaderNames();
        }
    }

    private static double num(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    /** CSV cells carry 12 significant digits: equal to the value to a relative 1e-11. */
    private static void assertCell(double expected, double actual, String message) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), message);
        } else {
            assertEquals(expected, actual, 1e-11 * Math.max(1, Math.abs(expected)), message);
        }
    }

    @Test
    void firmsCsvHoldsTheSummaryOfEveryPerFirmOutput() throws IOException {
        String csv = CsvReports.firms(run);
        SummaryTable table = SummaryTable.of(results);
        List<CSVRecord> rows = parse(csv);
        assertEquals(scenario.firms().size() + 1, rows.size(), "a row per firm and an 'all' row");
        for (int i = 0; i < scenario.firms().size(); i++) {
            CSVRecord r = rows.get(i);
            String firm = scenario.firms().get(i).name();
            assertEquals(firm, r.get("firm"));
            for (String output : List.of("ordered", "approved", "converted", "delivered", "leadTimeMeanDays")) {
                Summary s = table.get(firm + "." + output);
                assertCell(s.mean(), num(r.get(output + "_mean")), firm + " " + output);
                assertCell(s.lower(), num(r.get(output + "_lower")), firm + " " + output);
                assertCell(s.upper(), num(r.get(output + "_upper")), firm + " " + output);
            }
        }
        CSVRecord all = rows.get(rows.size() - 1);
        assertEquals("all", all.get("firm"));
        assertCell(table.get("all.delivered").mean(), num(all.get("delivered_mean")), "all delivered");
        assertEquals(Stage.APPROVAL.label(), rows.get(0).get("binding_stage"),
                "half the units wait for approval, a quarter at the cap: approval binds");
    }

    @Test
    void firmsCsvDeliveredByTheRecordDateIsReadFromTheDailySeries() throws IOException {
        List<CSVRecord> rows = parse(CsvReports.firms(run));
        int d = run.index(NamedScenarios.RECORD_DATE);
        double sum = 0;
        for (SupplyResult r : results) {
            sum += r.series().deliveredByFirm()[0][d];
        }
        assertCell(sum / results.size(), num(rows.get(0).get("deliveredBy2026-06-30_mean")), "delivered by mid-year");
    }

    @Test
    void undefinedValuesAreEmptyCells() throws IOException {
        List<CSVRecord> rows = parse(CsvReports.firms(run));
        CSVRecord others = rows.get(scenario.firms().size() - 1);
        assertEquals("Others", others.get("firm"));
        assertEquals("", others.get("leadTimeMeanDays_mean"), "nothing delivered: no lead time");
    }

    @Test
    void summaryCsvHasEveryScalarInModelOrder() throws IOException {
        SummaryTable table = SummaryTable.of(results);
        List<CSVRecord> rows = parse(CsvReports.summary(table));
        List<String> names = List.copyOf(table.outputs().keySet());
        assertEquals(names.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(names.get(i), rows.get(i).get("output"));
            assertCell(table.get(names.get(i)).mean(), num(rows.get(i).get("mean")), names.get(i));
            assertEquals(Long.toString(table.get(names.get(i)).n()), rows.get(i).get("n"));
        }
        assertEquals("4", rows.get(0).get("n"), "every replication");
        assertEquals("2", rows.stream().filter(r -> r.get("output").equals("DeepSeek.leadTimeMeanDays"))
                .findFirst().orElseThrow().get("n"), "lead time over the 2 replications that delivered");
        assertEquals(List.of("output", "mean", "sd", "lower", "upper", "n", "unit", "meaning"),
                header(CsvReports.summary(table)));
        CSVRecord h20 = rows.stream().filter(r -> r.get("output").equals("all.deliveredH20eq")).findFirst()
                .orElseThrow();
        assertEquals(dev.chipflow.supply.Outputs.find("all.deliveredH20eq").unit(), h20.get("unit"));
        assertTrue(h20.get("meaning").contains("H20"), h20.get("meaning"));
    }

    @Test
    void dailyCsvHasOneRowPerDayAndTheMeanOfEachSeries() throws IOException {
        String csv = CsvReports.daily(run);
        List<CSVRecord> rows = parse(csv);
        assertEquals(results.get(0).series().days(), rows.size());
        assertEquals("2026-01-01", rows.get(0).get("date"));
        assertEquals("2026-12-31", rows.get(rows.size() - 1).get("date"));
        int d = 200;
        double mean = 0;
        double head = 0;
        for (SupplyResult r : results) {
            mean += r.series().deliveredByFirm()[1][d];
            head += r.series().capHeadroom()[d];
        }
        assertCell(mean / results.size(), num(rows.get(d).get("Alibaba_delivered_mean")), "Alibaba delivered");
        assertCell(head / results.size(), num(rows.get(d).get("cap_headroom_mean")), "cap headroom");
        assertTrue(num(rows.get(d).get("cap_headroom_lower")) <= num(rows.get(d).get("cap_headroom_mean")));
        List<String> h = header(csv);
        assertEquals("date", h.get(0));
        for (String series : List.of("cap_headroom", "lab_queue", "lab_busy", "inventory", "china_shipped",
                "us_shipped")) {
            assertTrue(h.containsAll(List.of(series + "_mean", series + "_lower", series + "_upper")), series);
        }
    }

    @Test
    void attributionCsvIsFirmByStageMeans() throws IOException {
        List<CSVRecord> rows = parse(CsvReports.attribution(run));
        // One row per firm and stage, and one "none" row per firm for the units that never waited.
        assertEquals(scenario.firms().size() * (Stage.values().length + 1), rows.size());
        assertEquals(List.of("firm", "stage", "description", "attributed_units", "units_at_end", "wait_days"),
                header(CsvReports.attribution(run)));
        CSVRecord bytedanceCap = rows.stream().filter(r -> r.get("firm").equals("ByteDance")
                && r.get("stage").equals(Stage.CAP.label())).findFirst().orElseThrow();
        double sum = 0;
        for (SupplyResult r : results) {
            sum += r.firm("ByteDance").attributedUnits()[Stage.CAP.ordinal()];
        }
        assertCell(sum / results.size(), num(bytedanceCap.get("attributed_units")), "ByteDance at the cap");
        assertEquals(Stage.CAP.description(), bytedanceCap.get("description"));
        for (String firm : List.of("ByteDance", "Others")) {
            double attributed = rows.stream().filter(r -> r.get("firm").equals(firm)
                    && !r.get("attributed_units").isEmpty()).mapToDouble(r -> num(r.get("attributed_units"))).sum();
            double ordered = results.stream().mapToDouble(r -> r.firm(firm).ordered()).average().orElseThrow();
            assertEquals(ordered, attributed, 1e-6, firm + ": attributed units, none included, add up to ordered");
        }
    }

    @Test
    void comparisonCsvMarksDifferencesWhoseIntervalExcludesZero() throws IOException {
        List<SupplyResult> other = FakeResults.of(scenario, 4, 7);
        ComparisonAnalysis c = ComparisonAnalysis.of(scenario, results, scenario, other);
        RunInfo info = new RunInfo(1, 4, "test");
        List<CSVRecord> rows = parse(CsvReports.comparison(c, info));
        Map<String, Summary> diff = c.difference().outputs();
        int dates = info.analysisDates(run).size();
        // Every scalar; per analysis date each firm and all; the largest gap and its day; three milestones; unit-days.
        assertEquals(diff.size() + dates * (run.firms().size() + 1) + 2 + 3 + 1, rows.size());
        for (CSVRecord r : rows) {
            if (!r.get("output").equals("gap.largestDay")) {
                assertEquals("no", r.get("significant"), "identical results differ by nothing: " + r.get("output"));
            }
        }
        assertEquals("0", rows.stream().filter(r -> r.get("output").equals("gap.unitDays")).findFirst()
                .orElseThrow().get("diff_mean"));
    }

    @Test
    void sweepCsvHasARowPerPointAndOutput() throws IOException {
        SweepAnalysis s = new SweepAnalysis("t", "cap.ratio", "cap ratio", List.of("0.25", "0.5"),
                List.of("0.25", "0.5"), null, null, List.of(), List.of(), List.of(run, run));
        RunInfo info = new RunInfo(1, 4, "test");
        List<CSVRecord> rows = parse(CsvReports.sweep(s, info));
        int dates = info.analysisDates(run).size();
        // Per point: every scalar, then per analysis date each firm and all.
        assertEquals(2 * (run.table().outputs().size() + dates * (run.firms().size() + 1)), rows.size());
        assertEquals(List.of("cap.ratio", "cap.ratio_value", "output", "mean", "sd", "lower", "upper", "n"),
                header(CsvReports.sweep(s, info)));
        CSVRecord last = rows.get(rows.size() - 1);
        assertEquals("all.deliveredBy" + run.lastDate(), last.get("output"));
        assertCell(run.deliveredBy(run.lastDate()).mean(), num(last.get("mean")), "all by the end");
    }

    @Test
    void numbersHaveTwelveSignificantDigitsNoFloatNoiseAndNoLocale() {
        assertEquals("0", Fmt.csv(0));
        assertEquals("133333", Fmt.csv(133_333));
        assertEquals("0.1", Fmt.csv(0.1));
        assertEquals("12345678901.5", Fmt.csv(12_345_678_901.5));
        assertEquals("", Fmt.csv(Double.NaN));
        // 0.1 + 0.2 is 0.30000000000000004 in binary; a sum of 75,000s can land a hair above the whole number.
        assertEquals("0.3", Fmt.csv(0.1 + 0.2));
        assertEquals("75000", Fmt.csv(75_000.00000000001));
        assertEquals("-0.000123456789012", Fmt.csv(-0.000123456789012345));
        assertEquals("1,234,567", Fmt.human(1_234_567));
    }
}
