package dev.chipflow.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example runs as written and prints what its README paragraph says it shows. */
class ExamplesRunTest {

    @TempDir
    Path tmp;

    private static String run(Consumer<String[]> main, String... args) {
        PrintStream was = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.accept(args);
        } finally {
            System.setOut(was);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        was.print(out);
        return out;
    }

    @Test
    void theEngineRunsThePingThatWasNotCancelled() {
        assertTrue(run(EngineExample::main).equals("ping 1 at day 2.5" + System.lineSeparator()));
    }

    @Test
    void streamsAndDistributions() {
        String out = run(RandomStreamsExample::main);
        // weibull(1.5,6): mean 6 Gamma(1 + 1/1.5) = 6 Gamma(5/3) = 6 x 0.902745 = 5.4165; variance
        // 36 (Gamma(1 + 2/1.5) - Gamma(5/3)^2) = 36 ((4/3) Gamma(4/3) - 0.814949) = 36 x 0.375691 = 13.5249.
        assertTrue(out.matches("(?s)a licence review takes \\d+\\.\\d days\\R"
                + "weibull\\(1\\.5,6\\): mean 5\\.42, variance 13\\.52\\R"), out);
    }

    @Test
    void replications() {
        String out = run(ReplicationsExample::main);
        assertTrue(out.matches("delivered: \\d+ units, 95% CI \\[\\d+, \\d+\\] over 20 replications\\R"), out);
    }

    @Test
    void aCustomScenarioDeliversToItsFirms() {
        String out = run(CustomScenarioExample::main);
        assertTrue(out.matches("(?s)Alpha: \\d+ of 40000 units delivered.*\\RBeta: \\d+ of 60000 units delivered.*"),
                out);
        assertTrue(!out.contains("Alpha: 0 of"), out);
    }

    @Test
    void fasterLicencesShortenTheLeadTimeBeyondNoise() {
        String out = run(ComparisonExample::main);
        Matcher m = Pattern.compile("B - A, Alpha's mean lead time: (-?[\\d.]+) days, 95% CI \\[(-?[\\d.]+), "
                + "(-?[\\d.]+)\\]\\R").matcher(out);
        assertTrue(m.matches(), out);
        assertTrue(Double.parseDouble(m.group(3)) < 0, "the whole interval is below 0: " + out);
    }

    @Test
    void aReportFromCode() {
        Path dir = tmp.resolve("report");
        String out = run(ReportExample::main, dir.toString());
        assertTrue(out.contains("report.html"), out);
        for (String f : new String[] {"report.html", "summary.csv", "firms.csv", "manifest.json"}) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
    }

    @Test
    void batchMeansFromOneLongRun() {
        String out = run(SteadyStateExample::main);
        // M/M/1 with lambda = 0.8, mu = 1: Erlang C's W_q = rho / (mu - lambda) = 0.8 / 0.2 = 4 days.
        Matcher m = Pattern.compile("mean wait ([\\d.]+) days, 95% CI \\[([\\d.]+), ([\\d.]+)\\] from (\\d+) batches.*"
                + "Erlang C: 4\\.00\\R").matcher(out);
        assertTrue(m.matches(), out);
        assertTrue(Double.parseDouble(m.group(2)) <= 4 && Double.parseDouble(m.group(3)) >= 4, out);
    }
}
