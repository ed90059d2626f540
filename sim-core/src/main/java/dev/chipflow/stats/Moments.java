package dev.chipflow.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The count, mean and sum of squared deviations of many values at once, one slot per quantity (an output, a day of a
 * series), kept as replications arrive instead of keeping the replications: its size depends on the slots, never on
 * how many values were added.
 *
 * <p>Two sets of moments merge exactly as Chan, Golub and LeVeque's pairwise update prescribes, so a merge's result
 * is a function of its two inputs only. Merging in a fixed order (see {@code dev.chipflow.experiment.ReplicationFold})
 * therefore gives the same bits wherever the parts were computed. Values that are not finite (a lead time of a firm
 * that received nothing) are left out of their slot's count, as {@link Summary#ofFinite95} leaves them out.
 *
 * @serial exclude (serializable only to travel to and from Spark executors)
 */
public final class Moments implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long[] n;
    private final double[] mean;
    private final double[] m2;

    private Moments(int slots) {
        n = new long[slots];
        mean = new double[slots];
        m2 = new double[slots];
    }

    /**
     * @param slots the number of quantities, at least 0
     * @return moments of no values yet
     */
    public static Moments empty(int slots) {
        if (slots < 0) {
            throw new IllegalArgumentException("slots must be >= 0, was " + slots);
        }
        return new Moments(slots);
    }

    /**
     * @param values one observation of every slot
     * @return the moments of that one observation
     */
    public static Moments of(double[] values) {
        Moments m = new Moments(values.length);
        m.set(values);
        return m;
    }

    /**
     * Forgets everything and holds one observation (so that a fold can reuse the arrays).
     *
     * @param values one value per slot; non-finite values count as missing
     */
    public void set(double[] values) {
        if (values.length != n.length) {
            throw new IllegalArgumentException("an observation of " + values.length + " values for " + n.length
                    + " slots");
        }
        for (int s = 0; s < values.length; s++) {
            boolean finite = Double.isFinite(values[s]);
            n[s] = finite ? 1 : 0;
            mean[s] = finite ? values[s] : 0;
            m2[s] = 0;
        }
    }

    /**
     * Adds {@code later}'s values to these (Chan et al.'s pairwise update, slot by slot). {@code later} is unchanged.
     *
     * @param later moments of as many slots
     */
    public void absorb(Moments later) {
        if (later.n.length != n.length) {
            throw new IllegalArgumentException("moments of " + later.n.length + " slots merged into " + n.length);
        }
        for (int s = 0; s < n.length; s++) {
            long nb = later.n[s];
            if (nb == 0) {
                continue;
            }
            long na = n[s];
            if (na == 0) {
                n[s] = nb;
                mean[s] = later.mean[s];
                m2[s] = later.m2[s];
                continue;
            }
            long total = na + nb;
            double delta = later.mean[s] - mean[s];
            mean[s] += delta * nb / total;
            m2[s] += later.m2[s] + delta * delta * ((double) na * nb / total);
            n[s] = total;
        }
    }

    /** @return the number of slots */
    public int slots() {
        return n.length;
    }

    /**
     * @param slot a slot
     * @return how many finite values it holds
     */
    public long count(int slot) {
        return n[slot];
    }

    /**
     * @param slot a slot
     * @return the mean of its values; NaN when it holds none
     */
    public double mean(int slot) {
        return n[slot] == 0 ? Double.NaN : mean[slot];
    }

    /**
     * @param slot a slot
     * @return the sample standard deviation of its values; NaN with fewer than two
     */
    public double sd(int slot) {
        return n[slot] < 2 ? Double.NaN : Math.sqrt(m2[slot] / (n[slot] - 1));
    }

    /**
     * @param slot  a slot
     * @param level the confidence level, in (0, 1)
     * @return the slot's mean with its t confidence interval
     */
    public Summary summary(int slot, double level) {
        return Summary.ofMoments(n[slot], mean(slot), sd(slot), level);
    }

    /**
     * @param slot a slot
     * @return the slot's mean with its 95% t confidence interval
     */
    public Summary summary95(int slot) {
        return summary(slot, Summary.LEVEL_95);
    }

    /**
     * @param from the first slot
     * @param to   one past the last
     * @return the moments of those slots only
     */
    public Moments slice(int from, int to) {
        Moments m = new Moments(to - from);
        System.arraycopy(n, from, m.n, 0, to - from);
        System.arraycopy(mean, from, m.mean, 0, to - from);
        System.arraycopy(m2, from, m.m2, 0, to - from);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Moments m && Arrays.equals(n, m.n) && Arrays.equals(mean, m.mean)
                && Arrays.equals(m2, m.m2);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(n);
    }

    @Override
    public String toString() {
        return "Moments[" + n.length + " slots, n=" + (n.length == 0 ? 0 : n[0]) + "]";
    }
}
