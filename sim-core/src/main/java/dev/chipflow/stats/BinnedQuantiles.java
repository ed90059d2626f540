package dev.chipflow.stats;

/**
 * Weighted quantiles of values in a known range, from a histogram of equal bins: O(1) per observation, no allocation,
 * memory fixed by the number of bins, and exact to within one bin width (the quantile is interpolated linearly inside
 * its bin). Values below the range count in the first bin, above it in the last.
 *
 * <p>Suits lead times in days: a bin of one day over the horizon gives quantiles exact to the day at any volume.
 */
public final class BinnedQuantiles {

    private final double min;
    private final double width;
    private final double[] weight;
    private double total;

    /**
     * @param min   the lower end of the range
     * @param max   the upper end, greater than {@code min}
     * @param bins  the number of bins, at least 1
     */
    public BinnedQuantiles(double min, double max, int bins) {
        if (!(max > min) || bins < 1 || Double.isInfinite(max - min)) {
            throw new IllegalArgumentException("need finite min < max and bins >= 1, was [" + min + ", " + max
                    + "] with " + bins + " bins");
        }
        this.min = min;
        this.width = (max - min) / bins;
        this.weight = new double[bins];
    }

    /**
     * @param x a value
     * @param w its weight (e.g. units), non-negative
     */
    public void add(double x, double w) {
        int b = (int) ((x - min) / width);
        weight[b < 0 ? 0 : Math.min(b, weight.length - 1)] += w;
        total += w;
    }

    /** @return the total weight added */
    public double totalWeight() {
        return total;
    }

    /**
     * @param p a level in [0, 1]
     * @return the weighted p-quantile, NaN with no weight
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], was " + p);
        }
        if (total <= 0) {
            return Double.NaN;
        }
        double target = p * total;
        double seen = 0;
        for (int b = 0; b < weight.length; b++) {
            double w = weight[b];
            if (w > 0 && seen + w >= target) {
                return min + width * (b + (target - seen) / w);
            }
            seen += w;
        }
        return min + width * weight.length;
    }
}
