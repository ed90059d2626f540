package dev.chipflow.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Elementary effects from a {@link MorrisDesign}: in each trajectory, the step that moves factor {@code i} gives
 * {@code EE_i = (y(after) - y(before)) / (+-delta)}, the change of the output per whole range of the factor (the unit
 * cube's side), signed by the direction of the move. Per factor over the trajectories: {@code mu*} the mean of
 * {@code |EE_i|} (how much the factor matters), {@code mu} the mean of {@code EE_i} (its direction) and
 * {@code sigma} their standard deviation (interactions or non-linearity). A factor that changes nothing has every
 * {@code EE_i} exactly 0, so {@code mu* = 0} exactly.
 *
 * <p>The interval of {@code mu*} resamples trajectories with replacement and takes percentiles by Commons
 * Statistics' {@link Quantile}.
 */
public final class MorrisEstimator {

    private MorrisEstimator() {
    }

    /**
     * One factor's elementary effects summarised.
     *
     * @param muStar      mean absolute effect
     * @param muStarLower lower end of its interval
     * @param muStarUpper upper end
     * @param mu          mean effect
     * @param sigma       standard deviation of the effects
     */
    public record Effect(double muStar, double muStarLower, double muStarUpper, double mu, double sigma) {
        /** Undefined: the output is not finite at some point. */
        public static final Effect UNDEFINED = new Effect(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /**
     * @param d     the design
     * @param y     the output at each point of {@code d}, in point order
     * @param resamples resamples of the trajectories, from {@link #resamples}
     * @param level the interval's level in (0, 1)
     * @return per factor
     */
    public static List<Effect> estimate(MorrisDesign d, double[] y, int[][] resamples, double level) {
        if (y.length != d.points()) {
            throw new IllegalArgumentException("expected " + d.points() + " outputs, got " + y.length);
        }
        int k = d.factors();
        int r = d.trajectories();
        List<Effect> out = new ArrayList<>(k);
        for (double v : y) {
            if (!Double.isFinite(v)) {
                for (int i = 0; i < k; i++) {
                    out.add(Effect.UNDEFINED);
                }
                return out;
            }
        }
        double[][] ee = effects(d, y);
        Quantile q = Quantile.withDefaults();
        double lo = (1 - level) / 2;
        double hi = (1 + level) / 2;
        for (int i = 0; i < k; i++) {
            double sumAbs = 0;
            double sum = 0;
            for (int t = 0; t < r; t++) {
                sumAbs += Math.abs(ee[i][t]);
                sum += ee[i][t];
            }
            double[] boot = new double[resamples.length];
            for (int b = 0; b < resamples.length; b++) {
                double s = 0;
                for (int t : resamples[b]) {
                    s += Math.abs(ee[i][t]);
                }
                boot[b] = s / resamples[b].length;
            }
            double[] ci = q.evaluate(boot, lo, hi);
            out.add(new Effect(sumAbs / r, ci[0], ci[1], sum / r, new StandardDeviation(true).evaluate(ee[i])));
        }
        return out;
    }

    /**
     * @param d the design
     * @param y the output at each point
     * @return per factor, per trajectory, the elementary effect
     */
    public static double[][] effects(MorrisDesign d, double[] y) {
        int k = d.factors();
        double[][] ee = new double[k][d.trajectories()];
        for (int t = 0; t < d.trajectories(); t++) {
            int base = t * (k + 1);
            for (int s = 1; s <= k; s++) {
                int i = d.moved(t, s);
                ee[i][t] = (y[base + s] - y[base + s - 1]) / (d.direction(t, s) * d.delta());
            }
        }
        return ee;
    }

    /**
     * Resamples of the trajectories, as {@link SobolEstimator#resamples} of rows.
     *
     * @param trajectories the design's trajectories {@code r}, at least 1
     * @param count        the number of bootstrap resamples, at least 1
     * @param rng          the stream to draw from
     * @return {@code count} arrays of {@code r} trajectory numbers, from 0, drawn with replacement
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public static int[][] resamples(int trajectories, int count, UniformRandomProvider rng) {
        return SobolEstimator.resamples(trajectories, count, rng);
    }
}
