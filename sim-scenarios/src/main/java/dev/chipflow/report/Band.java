package dev.chipflow.report;

import dev.chipflow.stats.Moments;
import dev.chipflow.stats.Summary;
import java.util.function.IntUnaryOperator;

/**
 * A daily series summarised across replications: per day, the mean and the 95% confidence interval of the mean.
 * Where the interval is undefined (one replication) the bounds equal the mean.
 *
 * @param mean  per day
 * @param lower per day
 * @param upper per day
 */
public record Band(double[] mean, double[] lower, double[] upper) {

    /**
     * @param perReplication values, [replication][day], all the same length
     * @return the band
     */
    public static Band of(double[][] perReplication) {
        int days = perReplication[0].length;
        double[] mean = new double[days];
        double[] lower = new double[days];
        double[] upper = new double[days];
        double[] column = new double[perReplication.length];
        for (int d = 0; d < days; d++) {
            boolean constant = true;
            for (int r = 0; r < column.length; r++) {
                column[r] = perReplication[r][d];
                constant &= column[r] == column[0];
            }
            if (constant) {
                // Skips the t quantile: most days of most series are constant across replications (zero, say).
                mean[d] = column[0];
                lower[d] = column[0];
                upper[d] = column[0];
                continue;
            }
            Summary s = Summary.of95(column);
            mean[d] = s.mean();
            lower[d] = Double.isNaN(s.lower()) ? s.mean() : s.lower();
            upper[d] = Double.isNaN(s.upper()) ? s.mean() : s.upper();
        }
        return new Band(mean, lower, upper);
    }

    /**
     * @param moments   moments folded over replications
     * @param slotOfDay the slot of each day of the series
     * @param days      the number of days
     * @return the series' mean and 95% CI, day by day; a day with one replication or no spread is a line
     */
    public static Band of(Moments moments, IntUnaryOperator slotOfDay, int days) {
        double[] mean = new double[days];
        double[] lower = new double[days];
        double[] upper = new double[days];
        for (int d = 0; d < days; d++) {
            int slot = slotOfDay.applyAsInt(d);
            mean[d] = moments.mean(slot);
            double sd = moments.sd(slot);
            if (!(sd > 0)) {
                // No spread (most days of most series are the same in every replication) or a single replication.
                lower[d] = mean[d];
                upper[d] = mean[d];
                continue;
            }
            Summary s = moments.summary95(slot);
            lower[d] = s.lower();
            upper[d] = s.upper();
        }
        return new Band(mean, lower, upper);
    }

    /** @return the number of days */
    public int days() {
        return mean.length;
    }

    /** @return the largest upper bound */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : upper) {
            m = Math.max(m, v);
        }
        return m;
    }
}
