package dev.chipflow.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.PSquarePercentile;

/**
 * Quantile estimates in constant memory: one P-square estimator (Jain and Chlamtac, Commons Math) per level. Exact up
 * to five observations, an estimate after that.
 */
public final class StreamingQuantiles {

    private final double[] levels;
    private final PSquarePercentile[] estimators;

    /** @param levels quantile levels in (0, 1) */
    public StreamingQuantiles(double... levels) {
        this.levels = levels.clone();
        this.estimators = new PSquarePercentile[levels.length];
        for (int i = 0; i < levels.length; i++) {
            double p = levels[i];
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("quantile level must be in (0, 1), was " + p);
            }
            estimators[i] = new PSquarePercentile(p * 100.0);
        }
    }

    /** @param x an observation */
    public void add(double x) {
        for (PSquarePercentile e : estimators) {
            e.increment(x);
        }
    }

    /**
     * @param p one of the levels given at construction
     * @return the estimate, NaN with no observation
     */
    public double quantile(double p) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == p) {
                return estimators[i].getN() == 0 ? Double.NaN : estimators[i].getResult();
            }
        }
        throw new IllegalArgumentException("quantile level " + p + " was not tracked; tracked: "
                + Arrays.toString(levels));
    }

    /** @return the number of observations */
    public long count() {
        return estimators.length == 0 ? 0 : estimators[0].getN();
    }
}
