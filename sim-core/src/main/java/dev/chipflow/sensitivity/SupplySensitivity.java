package dev.chipflow.sensitivity;

import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * A global sensitivity analysis of the supply model: which assumptions matter, and how uncertain the output is when
 * every one of them is.
 *
 * <p>Every design point is a scenario (the base with each factor set to the point's value) run for the same
 * replications with the same random streams as every other point (common random numbers: replication {@code i} of
 * every point uses {@link RandomStreams#forReplication}{@code (seed, i)}), so that the difference between two points
 * is the factors' doing, not the streams'. The indices are computed from each point's mean over its replications. The
 * design's randomisation and the bootstrap draw from the streams {@code sensitivity.design} and
 * {@code sensitivity.bootstrap} of {@link RandomStreams#of}{@code (seed)}. Results do not depend on the thread count.
 *
 * <pre>{@code
 * Factors.Selection f = Factors.select(scenario, List.of(), true);
 * SensitivityOutputs out = SupplySensitivity.outputs(scenario, SensitivityOutputs.defaultDates(scenario), List.of(), seed);
 * SensitivityResult r = SupplySensitivity.run(scenario, f, out, Settings.sobol(512, 10, seed), ReplicationRunner.allCores());
 * r.headline().ranking();   // factors, most important first
 * }</pre>
 */
public final class SupplySensitivity {

    /** Percentiles of the uncertainty statement. */
    public static final double[] PERCENTILES = {0.05, 0.5, 0.95};

    private SupplySensitivity() {
    }

    /** The method. */
    public enum Method {
        /** Sobol' indices from a Saltelli design. */
        SOBOL,
        /** Morris elementary effects: a cheap screen. */
        MORRIS
    }

    /**
     * How an analysis runs.
     *
     * @param method       Sobol' or Morris
     * @param samples      base samples {@code n} of A and B (Sobol'), or trajectories (Morris)
     * @param levels       grid levels (Morris; ignored for Sobol')
     * @param replications replications per design point
     * @param seed         the master seed
     * @param bootstrap    bootstrap resamples for the intervals
     * @param level        the intervals' level, e.g. 0.95
     */
    public record Settings(Method method, int samples, int levels, int replications, long seed, int bootstrap,
            double level) {

        /**
         * Validates the replications, the bootstrap and the level; the samples and levels are checked by the design
         * when the analysis runs.
         *
         * @param method       Sobol' or Morris
         * @param samples      base samples {@code n} of A and B (Sobol'; at least 2, a power of two is best), or
         *                     trajectories (Morris; at least 2)
         * @param levels       grid levels {@code p} (Morris; even, at least 2; ignored for Sobol')
         * @param replications replications per design point, at least 1
         * @param seed         the master seed of the model runs, the design and the bootstrap
         * @param bootstrap    bootstrap resamples for the intervals, at least 1
         * @param level        the intervals' level, in (0, 1), e.g. 0.95
         * @throws IllegalArgumentException if {@code replications} or {@code bootstrap} is below 1, or {@code level}
         *                                  is outside (0, 1)
         */
        public Settings {
            if (replications < 1) {
                throw new IllegalArgumentException("replications must be at least 1, was " + replications);
            }
            if (bootstrap < 1) {
                throw new IllegalArgumentException("bootstrap resamples must be at least 1, was " + bootstrap);
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("the level must be in (0, 1), was " + level);
            }
        }

        /**
         * Sobol' with 1,000 bootstrap resamples and 95% intervals.
         *
         * @param baseSamples  base samples {@code n} of A and B, at least 2 (a power of two is best); the analysis
         *                     runs {@code n (k + 2)} design points for {@code k} factors
         * @param replications replications per design point, at least 1
         * @param seed         the master seed of the model runs, the design and the bootstrap
         * @return the settings
         * @throws IllegalArgumentException if {@code replications} is below 1
         */
        public static Settings sobol(int baseSamples, int replications, long seed) {
            return new Settings(Method.SOBOL, baseSamples, 4, replications, seed, 1000, 0.95);
        }

        /**
         * Morris on 4 levels with 1,000 bootstrap resamples and 95% intervals.
         *
         * @param trajectories Morris trajectories {@code r}, at least 2; the analysis runs {@code r (k + 1)} design
         *                     points for {@code k} factors
         * @param replications replications per design point, at least 1
         * @param seed         the master seed of the model runs, the design and the bootstrap
         * @return the settings
         * @throws IllegalArgumentException if {@code replications} is below 1
         */
        public static Settings morris(int trajectories, int replications, long seed) {
            return new Settings(Method.MORRIS, trajectories, 4, replications, seed, 1000, 0.95);
        }

        /**
         * @param k the number of factors, at least 1
         * @return the design points for {@code k} factors: {@code samples (k + 2)} for Sobol', {@code samples (k + 1)}
         *         for Morris; each runs {@link #replications()} times
         */
        public long points(int k) {
            return method == Method.SOBOL ? (long) samples * (k + 2) : (long) samples * (k + 1);
        }
    }

    /**
     * The outputs of an analysis, checking scalar names against one replication of the scenario.
     *
     * @param s       the scenario
     * @param dates   analysis dates
     * @param scalars scalar outputs to add
     * @param seed    the seed of the replication that lists the scalar outputs
     * @return the outputs
     */
    public static SensitivityOutputs outputs(Scenario s, List<java.time.LocalDate> dates, List<String> scalars,
            long seed) {
        java.util.Set<String> known = scalars.isEmpty() ? java.util.Set.of()
                : SupplyModel.run(s, RandomStreams.forReplication(seed, 0)).scalars().keySet();
        return SensitivityOutputs.of(s, dates, scalars, known);
    }

    /**
     * Runs the analysis.
     *
     * @param base     the scenario to vary
     * @param factors  the factors (at least one) and the assumptions left out
     * @param outputs  what to explain
     * @param settings how
     * @param runner   the pool; progress counts replications
     * @return the result
     */
    public static SensitivityResult run(Scenario base, Factors.Selection factors, SensitivityOutputs outputs,
            Settings settings, ExperimentEngine runner) {
        List<Factor> fs = factors.factors();
        int k = fs.size();
        if (k == 0) {
            throw new IllegalArgumentException("no factors to vary");
        }
        RandomStreams streams = RandomStreams.of(settings.seed());
        UniformRandomProvider designRng = streams.stream("sensitivity.design");
        UniformRandomProvider bootRng = streams.stream("sensitivity.bootstrap");
        SaltelliDesign saltelli = null;
        MorrisDesign morris = null;
        int points;
        if (settings.method() == Method.SOBOL) {
            saltelli = SaltelliDesign.of(k, settings.samples(), designRng);
            points = saltelli.points();
        } else {
            morris = MorrisDesign.of(k, settings.samples(), settings.levels(), designRng);
            points = morris.points();
        }
        List<String> labels = new ArrayList<>(points);
        int[] rows = new int[points];
        double[][] values = new double[points][k];
        List<Replication<double[]>> models = new ArrayList<>(points);
        for (int p = 0; p < points; p++) {
            double[] u = saltelli != null ? saltelli.point(p) : morris.point(p);
            labels.add(saltelli != null ? saltelli.matrix(p) : morris.label(p));
            rows[p] = saltelli != null ? p / (k + 2) : p / (k + 1);
            Scenario s = base;
            for (int i = 0; i < k; i++) {
                values[p][i] = fs.get(i).value(u[i]);
                s = fs.get(i).apply(s, values[p][i]);
            }
            models.add(new PointModel(s, outputs));
        }
        int reps = settings.replications();
        List<List<double[]>> results = runner.runTasks(reps, settings.seed(), models);
        int m = outputs.size();
        double[][] means = new double[points][m];
        double[][] sds = new double[points][m];
        for (int p = 0; p < points; p++) {
            List<double[]> rp = results.get(p);
            for (int o = 0; o < m; o++) {
                double[] x = new double[reps];
                for (int r = 0; r < reps; r++) {
                    x[r] = rp.get(r)[o];
                }
                means[p][o] = mean(x);
                sds[p][o] = reps < 2 ? Double.NaN : Math.sqrt(new Variance(true).evaluate(x));
            }
        }
        int[] uniform = SensitivityResult.uniformPoints(labels, settings.method());
        // Resamples of the base rows (Sobol') or of the trajectories (Morris): as many as the settings' samples.
        int[][] resamples = SobolEstimator.resamples(settings.samples(), settings.bootstrap(), bootRng);
        List<SensitivityResult.OutputAnalysis> analyses = new ArrayList<>(m);
        Quantile q = Quantile.withDefaults();
        for (int o = 0; o < m; o++) {
            double[] y = new double[points];
            for (int p = 0; p < points; p++) {
                y[p] = means[p][o];
            }
            List<SobolEstimator.Index> sobol = null;
            List<MorrisEstimator.Effect> effects = null;
            if (saltelli != null) {
                sobol = SobolEstimator.estimate(saltelli.split(y), resamples, settings.level()).indices();
            } else {
                effects = MorrisEstimator.estimate(morris, y, resamples, settings.level());
            }
            double[] sample = new double[uniform.length * reps];
            double[] pointMeans = new double[uniform.length];
            double within = 0;
            int j = 0;
            for (int a = 0; a < uniform.length; a++) {
                int p = uniform[a];
                pointMeans[a] = means[p][o];
                within += sds[p][o] * sds[p][o]; // NaN for one replication, and so the noise shares
                for (int r = 0; r < reps; r++) {
                    sample[j++] = results.get(p).get(r)[o];
                }
            }
            within /= uniform.length;
            boolean finite = allFinite(sample);
            double[] pct = finite ? q.evaluate(sample, PERCENTILES) : new double[] {Double.NaN, Double.NaN,
                Double.NaN};
            double ofMeans = finite ? new Variance(true).evaluate(pointMeans) : Double.NaN;
            double[] shares = noiseShares(within, ofMeans, reps);
            double noise = shares[0];
            double noiseOfMeans = shares[1];
            analyses.add(new SensitivityResult.OutputAnalysis(outputs.outputs().get(o), sobol, effects,
                    finite ? new Variance(false).evaluate(pointMeans) : Double.NaN, sample, pct[0], pct[1], pct[2],
                    noise, noiseOfMeans));
        }
        return new SensitivityResult(settings, base, fs, factors.skipped(), outputs, labels, rows, values, means,
                sds, analyses);
    }

    /**
     * One-way analysis of variance with equal groups: the within-point variance estimates the model's noise, the
     * variance of the point means less noise / replications estimates the variance due to the factors.
     *
     * @param within  the mean over points of the variance between a point's replications
     * @param ofMeans the variance of the point means
     * @param reps    replications per point
     * @return the noise's share of one replication's variance, and of the point means' variance (at most 1); 0 when
     *         there is no variance, NaN when undefined
     */
    static double[] noiseShares(double within, double ofMeans, int reps) {
        double between = Math.max(0, ofMeans - within / reps);
        double noise = within + between > 0 ? within / (within + between) : within + between == 0 ? 0 : Double.NaN;
        double noiseOfMeans = ofMeans > 0 ? Math.min(1, within / reps / ofMeans) : ofMeans == 0 ? 0 : Double.NaN;
        return new double[] {noise, noiseOfMeans};
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * One design point as a replication: a value, not a closure, so that an engine that ships work to other
     * processes (Spark) can send it.
     *
     * @param point   the scenario at the design point
     * @param outputs what to read from each run
     */
    record PointModel(Scenario point, SensitivityOutputs outputs) implements Replication<double[]>,
            java.io.Serializable {
        @Override
        public double[] run(RandomStreams streams) {
            return outputs.extract(SupplyModel.run(point, streams));
        }
    }
}
