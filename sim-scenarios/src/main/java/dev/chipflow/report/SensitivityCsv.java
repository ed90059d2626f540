package dev.chipflow.report;

import dev.chipflow.sensitivity.Factor;
import dev.chipflow.sensitivity.MorrisEstimator;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SensitivityResult.OutputAnalysis;
import dev.chipflow.sensitivity.SobolEstimator;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files of a sensitivity analysis: the indices, how uncertain each output is, the factors and every design
 * point. Full precision ({@link Fmt#csv}) for scripts, where report.html rounds for people.
 */
final class SensitivityCsv {

    private SensitivityCsv() {
    }

    /**
     * {@code sensitivity.csv}: one row per output and factor, outputs in order, factors in design order. Sobol':
     * factor, output, first, first_lower, first_upper, total, total_lower, total_upper (95% bootstrap intervals, or the
     * level of the analysis). Morris: factor, output, mu_star, mu_star_lower, mu_star_upper, mu, sigma (in output units
     * per whole range of the factor). Empty cells where the output does not vary or is undefined somewhere.
     *
     * @param r the analysis
     * @return the file
     */
    static String sensitivity(SensitivityResult r) {
        boolean sobol = SensitivityText.sobol(r);
        List<String> header = sobol
                ? List.of("factor", "output", "first", "first_lower", "first_upper", "total", "total_lower",
                        "total_upper")
                : List.of("factor", "output", "mu_star", "mu_star_lower", "mu_star_upper", "mu", "sigma");
        List<List<String>> rows = new ArrayList<>();
        for (OutputAnalysis a : r.analyses()) {
            for (int i = 0; i < r.factors().size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(r.factors().get(i).knob());
                row.add(a.output().name());
                if (sobol) {
                    SobolEstimator.Index x = a.sobol().get(i);
                    for (double v : new double[] {x.first(), x.firstLower(), x.firstUpper(), x.total(),
                        x.totalLower(), x.totalUpper()}) {
                        row.add(Fmt.csv(v));
                    }
                } else {
                    MorrisEstimator.Effect e = a.morris().get(i);
                    for (double v : new double[] {e.muStar(), e.muStarLower(), e.muStarUpper(), e.mu(), e.sigma()}) {
                        row.add(Fmt.csv(v));
                    }
                }
                rows.add(row);
            }
        }
        return CsvReports.table(header, rows);
    }

    /**
     * {@code uncertainty.csv}: one row per output. Columns: output; p5, p50, p95: percentiles of the output over the
     * uncertainty sample (every replication at the points that sample the ranges uniformly: A and B for Sobol'); n: the
     * size of that sample; variance: of the point means there; noise_share: the within-point variance over the variance
     * of single replications (the model's randomness at fixed assumptions); noise_share_of_means: the within-point
     * variance / replications over the variance of the point means; first_sum: the sum of the first-order indices
     * (Sobol'; 1 - first_sum is the share due to interactions).
     *
     * @param r the analysis
     * @return the file
     */
    static String uncertainty(SensitivityResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (OutputAnalysis a : r.analyses()) {
            rows.add(List.of(a.output().name(), Fmt.csv(a.p5()), Fmt.csv(a.p50()), Fmt.csv(a.p95()),
                    Integer.toString(a.sample().length), Fmt.csv(a.variance()), Fmt.csv(a.noiseShare()),
                    Fmt.csv(a.noiseShareOfMeans()), Fmt.csv(firstSum(a))));
        }
        return CsvReports.table(List.of("output", "p5", "p50", "p95", "n", "variance", "noise_share",
                "noise_share_of_means", "first_sum"), rows);
    }

    /**
     * {@code factors.csv}: one row per factor. Columns: factor (the knob), parameter (what the range is a range of:
     * value, mean of the distribution in days, shift in days), low, high, base (the knob's value in the scenario),
     * origin (calibrated: the registry's range; --factor), unit, trust, on_timeline (whether the scenario's timeline
     * changes the knob on a date, a change that still applies).
     *
     * @param r the analysis
     * @return the file
     */
    static String factors(SensitivityResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (Factor f : r.factors()) {
            Knob k = Knobs.knob(f.knob());
            rows.add(List.of(f.knob(), f.kind().parameter(), Fmt.csv(f.low()), Fmt.csv(f.high()),
                    Knobs.get(r.scenario(), f.knob()), f.origin(), k.unit(), k.trust(),
                    Boolean.toString(f.onTimeline(r.scenario()))));
        }
        return CsvReports.table(List.of("factor", "parameter", "low", "high", "base", "origin", "unit", "trust",
                "on_timeline"), rows);
    }

    /**
     * {@code design.csv}: one row per design point. Columns: point (from 0), matrix (A, B, or ABi: A with factor i's
     * column from B; Morris: Tt.s, step s of trajectory t), row (base row or trajectory, from 0), then each factor's
     * value (in the parameter of factors.csv), then each output's mean over the replications.
     *
     * @param r the analysis
     * @return the file
     */
    static String design(SensitivityResult r) {
        List<String> header = new ArrayList<>(List.of("point", "matrix", "row"));
        r.factors().forEach(f -> header.add(f.knob()));
        r.outputs().outputs().forEach(o -> header.add(o.name()));
        List<List<String>> rows = new ArrayList<>(r.labels().size());
        for (int p = 0; p < r.labels().size(); p++) {
            List<String> row = new ArrayList<>(header.size());
            row.add(Integer.toString(p));
            row.add(r.labels().get(p));
            row.add(Integer.toString(r.rows()[p]));
            for (double v : r.values()[p]) {
                row.add(Fmt.csv(v));
            }
            for (double v : r.means()[p]) {
                row.add(Fmt.csv(v));
            }
            rows.add(row);
        }
        return CsvReports.table(header, rows);
    }

    /** Sobol' only: the first-order indices sum to 1 without interactions, so the gap is their share. */
    private static double firstSum(OutputAnalysis a) {
        if (a.sobol() == null) {
            return Double.NaN;
        }
        double s = 0;
        for (SobolEstimator.Index x : a.sobol()) {
            s += x.first();
        }
        return s;
    }
}
