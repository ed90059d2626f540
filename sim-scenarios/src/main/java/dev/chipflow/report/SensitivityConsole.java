package dev.chipflow.report;

import static dev.chipflow.report.SensitivityText.headline;
import static dev.chipflow.report.SensitivityText.methodLine;
import static dev.chipflow.report.SensitivityText.range;
import static dev.chipflow.report.SensitivityText.sobol;
import static dev.chipflow.report.SensitivityText.two;

import dev.chipflow.sensitivity.Factor;
import dev.chipflow.sensitivity.Factors;
import dev.chipflow.sensitivity.MorrisEstimator;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SensitivityResult.OutputAnalysis;
import dev.chipflow.sensitivity.SobolEstimator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code chipflow sensitivity} prints: the design, the factors, and for each total output its headline with the
 * factors ranked. Shorter than report.html (no descriptions, no per-firm outputs), which it points to.
 */
final class SensitivityConsole {

    private SensitivityConsole() {
    }

    /**
     * Prints the answer, the leading factors of each total output and where the report went.
     *
     * @param out  where to print
     * @param r    the analysis
     * @param info how it was made
     */
    static void print(PrintStream out, SensitivityResult r, RunInfo info) {
        out.println(r.scenario().name() + ": " + methodLine(r) + ", seed " + info.seed());
        out.println("Factors: " + String.join(", ", r.factors().stream().map(Factor::spec).toList()));
        if (!r.skipped().isEmpty()) {
            out.println("Not varied (no numeric calibrated range; add with --factor): " + String.join(", ",
                    r.skipped().stream().map(Factors.Skipped::knob).toList()));
        }
        out.println();
        for (OutputAnalysis a : r.analyses()) {
            if (!a.output().total()) {
                continue;
            }
            out.println(headline(r, a));
            if (!a.defined()) {
                out.println();
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (int i : a.ranking()) {
                Factor f = r.factors().get(i);
                if (sobol(r)) {
                    SobolEstimator.Index x = a.sobol().get(i);
                    rows.add(List.of(f.knob(), range(f), two(x.first()) + " [" + two(x.firstLower()) + ", "
                            + two(x.firstUpper()) + "]", two(x.total()) + " [" + two(x.totalLower()) + ", "
                            + two(x.totalUpper()) + "]"));
                } else {
                    MorrisEstimator.Effect e = a.morris().get(i);
                    rows.add(List.of(f.knob(), range(f), Fmt.withCi(e.muStar(), e.muStarLower(),
                            e.muStarUpper()), Fmt.human(e.sigma())));
                }
            }
            ConsoleReport.table(out, sobol(r) ? List.of("factor", "range", "first order [95% CI]",
                    "total [95% CI]") : List.of("factor", "range", "mu* [95% CI]", "sigma"), rows);
            if (!Double.isNaN(a.noiseShare())) {
                out.println("Noise: the model's randomness at fixed assumptions is " + Fmt.percent(a.noiseShare())
                        + " of the variance of one replication.");
            }
            out.println();
        }
    }
}
