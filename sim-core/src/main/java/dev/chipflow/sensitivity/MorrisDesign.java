package dev.chipflow.sensitivity;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Morris's elementary-effects design on the unit cube: {@code r} trajectories of {@code k + 1} points on a grid of
 * {@code p} levels per factor ({@code 0, 1/(p-1), ..., 1}). A trajectory starts at a random grid point and moves one
 * factor at a time, in a random order, by {@code delta = p / (2 (p - 1))} (up if that stays in the cube, else down), so
 * that every factor moves exactly once. {@code p} must be even, so that {@code delta} is a whole number of grid steps;
 * with the usual {@code p = 4}, {@code delta = 2/3}.
 *
 * <p>Points are numbered trajectory by trajectory: point {@code t (k + 1) + s} is step {@code s} of trajectory
 * {@code t} (step 0 is its start).
 */
public final class MorrisDesign {

    private final int k;
    private final int r;
    private final int levels;
    private final double delta;
    private final double[][] points;
    private final int[][] moved;
    private final int[][] direction;

    private MorrisDesign(int k, int r, int levels, double[][] points, int[][] moved, int[][] direction) {
        this.k = k;
        this.r = r;
        this.levels = levels;
        this.delta = levels / (2.0 * (levels - 1));
        this.points = points;
        this.moved = moved;
        this.direction = direction;
    }

    /**
     * @param factors      {@code k}, at least 1
     * @param trajectories {@code r}, at least 2
     * @param levels       {@code p}, even, at least 2
     * @param rng          draws the starts and the orders
     * @return the design
     */
    public static MorrisDesign of(int factors, int trajectories, int levels, UniformRandomProvider rng) {
        if (factors < 1) {
            throw new IllegalArgumentException("a Morris design needs at least 1 factor, was " + factors);
        }
        if (trajectories < 2) {
            throw new IllegalArgumentException("a Morris design needs at least 2 trajectories, was " + trajectories);
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("Morris levels must be even and at least 2, was " + levels);
        }
        int half = levels / 2;
        double[][] pts = new double[trajectories * (factors + 1)][];
        int[][] moved = new int[trajectories][factors];
        int[][] dir = new int[trajectories][factors];
        for (int t = 0; t < trajectories; t++) {
            int[] level = new int[factors];
            for (int i = 0; i < factors; i++) {
                level[i] = rng.nextInt(levels);
            }
            int[] order = PermutationSampler.natural(factors);
            PermutationSampler.shuffle(rng, order);
            int base = t * (factors + 1);
            pts[base] = grid(level, levels);
            for (int s = 0; s < factors; s++) {
                int i = order[s];
                int d = level[i] < half ? 1 : -1;
                level[i] += d * half;
                moved[t][s] = i;
                dir[t][s] = d;
                pts[base + s + 1] = grid(level, levels);
            }
        }
        return new MorrisDesign(factors, trajectories, levels, pts, moved, dir);
    }

    private static double[] grid(int[] level, int levels) {
        double[] x = new double[level.length];
        for (int i = 0; i < level.length; i++) {
            x[i] = level[i] / (double) (levels - 1);
        }
        return x;
    }

    /** @return the number of factors */
    public int factors() {
        return k;
    }

    /** @return the number of trajectories */
    public int trajectories() {
        return r;
    }

    /** @return the grid levels {@code p} */
    public int levels() {
        return levels;
    }

    /** @return the step {@code delta}, a share of each factor's range */
    public double delta() {
        return delta;
    }

    /** @return the number of points, {@code r (k + 1)} */
    public int points() {
        return points.length;
    }

    /**
     * @param p a point's number, from 0 to {@link #points()} - 1: {@code t (k + 1) + s} for step {@code s} of
     *          trajectory {@code t}
     * @return its coordinates in the unit cube, one per factor, each on the grid {@code 0, 1/(levels - 1), ..., 1}
     *         (a new array)
     */
    public double[] point(int p) {
        return points[p].clone();
    }

    /**
     * @param t a trajectory, from 0 to {@link #trajectories()} - 1
     * @param s a step of it, from 1 to {@link #factors()} (step 0, the start, moves nothing)
     * @return the factor, from 0, that the step moves (each factor exactly once per trajectory)
     */
    public int moved(int t, int s) {
        return moved[t][s - 1];
    }

    /**
     * @param t a trajectory, from 0 to {@link #trajectories()} - 1
     * @param s a step of it, from 1 to {@link #factors()}
     * @return +1 if the step moves its factor up by {@link #delta()}, -1 if down
     */
    public int direction(int t, int s) {
        return direction[t][s - 1];
    }

    /**
     * @param p a point's number, from 0 to {@link #points()} - 1
     * @return the point's label for design files: {@code T}, its trajectory from 1, a dot and its step from 0 (the
     *         start), e.g. {@code T3.2}
     */
    public String label(int p) {
        return "T" + (p / (k + 1) + 1) + "." + (p % (k + 1));
    }
}
