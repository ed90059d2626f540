package dev.chipflow.sensitivity;

import dev.chipflow.supply.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a sensitivity analysis found: the design, the output at every point, and per output the factors' indices (Sobol')
 * or elementary effects (Morris), the output's uncertainty and the share of its variance that is noise.
 *
 * @param settings    how it was run
 * @param scenario    the scenario varied
 * @param factors     the factors, in design column order
 * @param skipped     assumptions not varied, and why
 * @param outputs     the outputs
 * @param labels      per point, its place in the design ({@code A}, {@code B}, {@code AB3}; {@code T2.5} for Morris)
 * @param rows        per point, its base row (Sobol') or trajectory (Morris), from 0
 * @param values      per point, each factor's value
 * @param means       per point, each output's mean over the replications
 * @param sds         per point, each output's standard deviation over the replications (NaN for one replication)
 * @param analyses    per output
 */
public record SensitivityResult(SupplySensitivity.Settings settings, Scenario scenario, List<Factor> factors,
        List<Factors.Skipped> skipped, SensitivityOutputs outputs, List<String> labels, int[] rows, double[][] values,
        double[][] means, double[][] sds, List<OutputAnalysis> analyses) {

    /**
     * Copies the lists; the arrays are kept as given, not copied.
     *
     * @param settings the settings the analysis ran with (method, samples, replications, seed, bootstrap, level)
     * @param scenario the base scenario the factors varied
     * @param factors  the factors, in design column order (column {@code i} of {@code values} is factor {@code i})
     * @param skipped  assumptions the defaults left out, and why
     * @param outputs  the outputs, in the order of {@code means}' and {@code sds}' columns and of {@code analyses}
     * @param labels   per design point, in point order, its place in the design ({@code A}, {@code B}, {@code AB3};
     *                 {@code T2.5} for Morris)
     * @param rows     per design point, its base row (Sobol') or trajectory (Morris), from 0
     * @param values   {@code values[point][factor]}: each factor's value at the point, in the factor's unit (see
     *                 {@link Factor.Kind#parameter()})
     * @param means    {@code means[point][output]}: the output's mean over the point's replications
     * @param sds      {@code sds[point][output]}: the output's sample standard deviation over the point's
     *                 replications, NaN for one replication
     * @param analyses per output, in the order of {@code outputs}, the headline first
     */
    public SensitivityResult {
        factors = List.copyOf(factors);
        skipped = List.copyOf(skipped);
        labels = List.copyOf(labels);
        analyses = List.copyOf(analyses);
    }

    /**
     * One output's analysis.
     *
     * @param output            the output
     * @param sobol             per factor, Sobol' indices (null for Morris)
     * @param morris            per factor, elementary effects (null for Sobol')
     * @param variance          the variance of the point means over the uncertainty sample (A and B for Sobol')
     * @param sample            the uncertainty sample: the output in every replication at the points that sample
     *                          the factors' ranges uniformly (A and B for Sobol'; every point for Morris)
     * @param p5                5th percentile of {@code sample}
     * @param p50               median of {@code sample}
     * @param p95               95th percentile of {@code sample}
     * @param noiseShare        the share of the variance of one replication that is the model's randomness at fixed
     *                          assumptions: by a one-way analysis of variance over those points, noise = the mean
     *                          within-point variance, due to the factors = max(0, variance of the point means - noise /
     *                          replications), share = noise / (noise + due to the factors); NaN with one replication
     * @param noiseShareOfMeans noise / replications over the variance of the point means (at most 1): how much noise
     *                          is left in the means the indices are computed from
     */
    public record OutputAnalysis(SensitivityOutputs.Output output, List<SobolEstimator.Index> sobol,
            List<MorrisEstimator.Effect> morris, double variance, double[] sample, double p5, double p50, double p95,
            double noiseShare, double noiseShareOfMeans) {

        /**
         * @param i a factor
         * @return how much it matters: its total index (Sobol') or mu* (Morris)
         */
        public double importance(int i) {
            return sobol != null ? sobol.get(i).total() : morris.get(i).muStar();
        }

        /** @return whether the indices are defined (the output varies and is finite everywhere) */
        public boolean defined() {
            if (variance == 0) {
                return false;
            }
            int k = sobol != null ? sobol.size() : morris.size();
            for (int i = 0; i < k; i++) {
                if (!Double.isNaN(importance(i))) {
                    return true;
                }
            }
            return false;
        }

        /** @return the factors' indices, most important first (ties: design order; undefined last) */
        public List<Integer> ranking() {
            int k = sobol != null ? sobol.size() : morris.size();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingDouble(i -> Double.isNaN(importance(i)) ? Double.POSITIVE_INFINITY
                    : -importance(i)).thenComparingInt(i -> i));
            return order;
        }
    }

    /** @return the headline output's analysis: deliveries to all firms by the first date */
    public OutputAnalysis headline() {
        return analyses.get(0);
    }

    /**
     * @param name an output's name
     * @return its analysis
     */
    public OutputAnalysis analysis(String name) {
        for (OutputAnalysis a : analyses) {
            if (a.output().name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no output '" + name + "'");
    }

    /**
     * @param knob a factor's knob
     * @return its column
     */
    public int factorIndex(String knob) {
        for (int i = 0; i < factors.size(); i++) {
            if (factors.get(i).knob().equals(knob)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no factor '" + knob + "'");
    }

    /** @return the points whose factor values sample the ranges uniformly: A and B (Sobol'), every point (Morris) */
    public int[] uniformPoints() {
        return uniformPoints(labels, settings.method());
    }

    static int[] uniformPoints(List<String> labels, SupplySensitivity.Method method) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (method == SupplySensitivity.Method.MORRIS || labels.get(i).equals("A") || labels.get(i).equals("B")) {
                p.add(i);
            }
        }
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the number of replications run in all */
    public long replicationsRun() {
        return (long) labels.size() * settings.replications();
    }
}
