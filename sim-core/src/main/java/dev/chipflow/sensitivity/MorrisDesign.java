package dev.chipflow.sensitivity;

import org.apache.commons.rng.UniformRandomProvider;

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
            int[] order = new int[factors];
            for (int i = 0; i < factors; i++) {
                order[i] = i;
            }
            for (int i = factors - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
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

    /** @return a point's coordinates in the unit cube (a new array) */
    public double[] point(int p) {
        return points[p].clone();
    }

    /** @return the factor that step {@code s} (from 1) of trajectory {@code t} moves */
    public int moved(int t, int s) {
        return moved[t][s - 1];
    }

    /** @return +1 if step {@code s} of trajectory {@code t} moves up, -1 if down */
    public int direction(int t, int s) {
        return direction[t][s - 1];
    }

    /** @return a point's label for design files: its trajectory and step, e.g. {@code T3.2} */
    public String label(int p) {
        return "T" + (p / (k + 1) + 1) + "." + (p % (k + 1));
    }
}
