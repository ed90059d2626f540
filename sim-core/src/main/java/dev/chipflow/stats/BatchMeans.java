package dev.chipflow.stats;

import java.util.Arrays;

/**
 * The method of non-overlapping batch means for the mean of a steady-state output of one long run, whose successive
 * observations (the waits of successive customers) are correlated, so that {@link Tally#confidenceInterval} would
 * be too narrow.
 *
 * <p>The observations are cut into consecutive batches of equal size; the batch means are nearly independent once a
 * batch is much longer than the output's correlation time, and a Student-t interval over them
 * ({@link Summary#ofMoments}, {@code batches - 1} degrees of freedom) covers the steady-state mean. The number of
 * batches is kept between {@code b} and {@code 2b - 1} in bounded memory, whatever the run's length: when
 * {@code 2b} batches are full, neighbours are merged pairwise and the batch size doubles. Observations of the last,
 * unfinished batch are left out of the estimate.
 *
 * <p>Feed it only observations after the warm-up (or {@link #reset()} it at the end of the warm-up).
 * {@link #lag1Autocorrelation()} of the batch means is a check that the batches are long enough: near 0 (say below
 * 0.2) they are; well above it the interval is too narrow and the run should be longer.
 */
public final class BatchMeans {

    /** The default least number of batches. */
    public static final int DEFAULT_BATCHES = 20;

    private final int minBatches;
    private final double[] sums;
    private int full;
    private long batchSize = 1;
    private double partialSum;
    private long partialCount;
    private long count;

    /** Batch means with between {@value #DEFAULT_BATCHES} and twice as many batches, less one. */
    public BatchMeans() {
        this(DEFAULT_BATCHES);
    }

    /**
     * @param batches the least number of batches b, at least 2 (once 2b observations have come); 20 to 40 is usual
     */
    public BatchMeans(int batches) {
        if (batches < 2 || batches > 1 << 20) {
            throw new IllegalArgumentException("batch means need between 2 and 2^20 batches, was " + batches);
        }
        this.minBatches = batches;
        this.sums = new double[2 * batches];
    }

    /**
     * Adds the next observation of the run.
     *
     * @param x the observation; NaN is refused
     */
    public void add(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("a batch-means observation must be a number, was NaN");
        }
        partialSum += x;
        partialCount++;
        count++;
        if (partialCount == batchSize) {
            sums[full++] = partialSum;
            partialSum = 0;
            partialCount = 0;
            if (full == sums.length) {
                for (int i = 0; i < minBatches; i++) {
                    sums[i] = sums[2 * i] + sums[2 * i + 1];
                }
                Arrays.fill(sums, minBatches, sums.length, 0);
                full = minBatches;
                batchSize *= 2;
            }
        }
    }

    /** Forgets every observation; the batch size starts again at 1. */
    public void reset() {
        Arrays.fill(sums, 0);
        full = 0;
        batchSize = 1;
        partialSum = 0;
        partialCount = 0;
        count = 0;
    }

    /** @return the number of observations added, those of the unfinished batch included */
    public long count() {
        return count;
    }

    /** @return the number of full batches */
    public int batches() {
        return full;
    }

    /** @return the number of observations in each batch */
    public long batchSize() {
        return batchSize;
    }

    /** @return the mean of each full batch, in order */
    public double[] batchMeans() {
        double[] m = new double[full];
        for (int i = 0; i < full; i++) {
            m[i] = sums[i] / batchSize;
        }
        return m;
    }

    /** @return the mean of the observations in full batches, NaN with none */
    public double mean() {
        if (full == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < full; i++) {
            s += sums[i];
        }
        return s / ((double) full * batchSize);
    }

    /**
     * The Student-t interval over the batch means.
     *
     * @param level the confidence level in (0, 1), e.g. 0.95
     * @return {@code n} = the number of batches, their mean, their standard deviation and the interval for the
     *         steady-state mean (NaN bounds with fewer than two batches)
     */
    public Summary confidenceInterval(double level) {
        return Summary.of(batchMeans(), level);
    }

    /**
     * @return the lag-1 autocorrelation of the batch means, NaN with fewer than three batches or batch means all
     *         equal; near 0 when the batches are long enough
     */
    public double lag1Autocorrelation() {
        if (full < 3) {
            return Double.NaN;
        }
        double[] m = batchMeans();
        double mean = Arrays.stream(m).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int i = 0; i < m.length; i++) {
            double d = m[i] - mean;
            den += d * d;
            if (i + 1 < m.length) {
                num += d * (m[i + 1] - mean);
            }
        }
        return den == 0 ? Double.NaN : num / den;
    }
}
