package dev.chipflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Golden files for the report formats: the header line of every CSV and the section headings of every report.html,
 * made from hand-made results (so the model's numbers never enter). A change of format fails here until the golden
 * file is regenerated on purpose: {@code mvn -pl sim-scenarios test -Dgolden.update=true}, then review the diff.
 */
class GoldenFormatsTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Pattern HEADING = Pattern.compile("<(h[123])>(.*?)</h[123]>");

    private final Scenario scenario = NamedScenarios.ordersPlaced();
    private final List<SupplyResult> a = FakeResults.of(scenario, 3, 1);
    private final List<SupplyResult> b = FakeResults.of(scenario, 3, 2);
    private final RunInfo info = new RunInfo(1, 3, "test");

    private static String outline(Map<String, byte[]> files) {
        StringBuilder o = new StringBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.ISO_8859_1);
            o.append("== ").append(f.getKey()).append('\n');
            if (f.getKey().endsWith(".csv")) {
                o.append(text, 0, text.indexOf('\n') + 1);
            } else if (f.getKey().endsWith(".html")) {
                Matcher m = HEADING.matcher(new String(f.getValue(), StandardCharsets.UTF_8));
                while (m.find()) {
                    o.append(m.group(1)).append(' ').append(m.group(2)).append('\n');
                }
            }
        }
        return o.toString();
    }

    private static void check(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                name + " changed; if on purpose, rerun with -Dgolden.update=true and review the diff");
    }

    @Test
    void runReportFormat() throws IOException {
        check("run.txt", outline(Reports.run(new RunAnalysis(scenario, a), info)));
    }

    @Test
    void comparisonReportFormat() throws IOException {
        ComparisonAnalysis c = ComparisonAnalysis.of(scenario, a, scenario, b);
        check("compare.txt", outline(Reports.comparison(c, info)));
    }

    @Test
    void sweepReportFormat() throws IOException {
        List<RunAnalysis> points = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            points.add(new RunAnalysis(scenario, k % 2 == 0 ? a : b));
        }
        SweepAnalysis grid = new SweepAnalysis("grid", "lab.lines", "test lab lines", List.of("2", "4"),
                List.of("2", "4"), "cap.ratio", "cap ratio", List.of("0.25", "0.5"), List.of("0.25", "0.5"), points);
        check("sweep-grid.txt", outline(Reports.sweep(grid, info)));
    }
}
