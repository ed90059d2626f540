package dev.chipflow.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A sweep: one scenario per value of a knob (or per cell of a grid), each run for the same replications with common
 * random numbers, all points sharing one pool of threads.
 *
 * @param <V>    the knob's value type
 * @param <R>    the replication result
 * @param knob   the knob's name, for reports
 * @param points one point per value, in the order given
 */
public record Sweep<V, R extends Scalars>(String knob, List<Point<V, R>> points) {

    /**
     * One value of the knob and what it gave.
     *
     * @param value   the knob's value
     * @param results replications in order
     * @param summary their summary
     */
    public record Point<V, R extends Scalars>(V value, List<R> results, SummaryTable summary) { }

    /**
     * Copies the list.
     *
     * @param knob the knob's name, for reports
     * @param points one point per value, in the order given
     */
    public Sweep {
        points = List.copyOf(points);
    }

    /**
     * Runs the sweep.
     *
     * @param <V>          the knob's value
     * @param <R>          the replication result
     * @param runner       the engine (the local pool, or another)
     * @param replications replications per point
     * @param seed         the master seed, shared by every point
     * @param knob         the knob's name
     * @param values       the values, in order
     * @param model        the model at a value
     * @return the sweep
     */
    public static <V, R extends Scalars> Sweep<V, R> run(ExperimentEngine runner, int replications, long seed,
            String knob, List<V> values, Function<V, Replication<R>> model) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sweep over '" + knob + "' needs at least one value");
        }
        List<Replication<R>> models = new ArrayList<>(values.size());
        for (V v : values) {
            models.add(model.apply(v));
        }
        List<List<R>> all = runner.runTasks(replications, seed, models);
        List<Point<V, R>> points = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            points.add(new Point<>(values.get(i), all.get(i), SummaryTable.of(all.get(i))));
        }
        return new Sweep<>(knob, points);
    }
}
