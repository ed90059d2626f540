package dev.chipflow.experiment;

import dev.chipflow.stats.Moments;
import dev.chipflow.stats.Summary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every scalar output of a set of replications summarised (mean, sd, 95% CI), in the model's output order.
 *
 * <p>Each output is summarised over the replications where it is finite (as {@link Summary#ofFinite} does, from moments
 * folded in the order of a {@link ReplicationFold}): a value that is
 * NaN in one replication (a lead time where nothing was delivered) does not make the whole summary NaN, and
 * {@link Summary#n()} says over how many replications it is.
 *
 * @param outputs output name to its summary
 */
public record SummaryTable(Map<String, Summary> outputs) {

    /**
     * Copies the map, keeping its order.
     *
     * @param outputs output name to its summary
     */
    public SummaryTable {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /**
     * Summarises replications at the 95% level.
     *
     * @param results results in replication order, all with the same output names
     * @return the table
     */
    public static SummaryTable of(List<? extends Scalars> results) {
        return differences(results, null);
    }

    /**
     * Summarises {@code b - a} replication by replication (paired, as common random numbers require), over the
     * replications where both are finite.
     *
     * @param a results of the first scenario, in replication order
     * @param b results of the second, same length; null summarises {@code a} alone
     * @return the table of differences
     */
    public static SummaryTable differences(List<? extends Scalars> a, List<? extends Scalars> b) {
        if (a.isEmpty()) {
            throw new IllegalArgumentException("no replications to summarise");
        }
        if (b != null && b.size() != a.size()) {
            throw new IllegalArgumentException("paired results differ in length: " + a.size() + " vs " + b.size());
        }
        // Each replication's map is built once (scalars() may build a new map on every call): the work is linear in
        // outputs x replications.
        List<Map<String, Double>> first = maps(a);
        List<Map<String, Double>> second = b == null ? null : maps(b);
        if (second != null && !second.get(0).keySet().equals(first.get(0).keySet())) {
            // An output in one only (a firm of one scenario) would vanish from the table: refuse, and say how to pair.
            List<String> onlyA = new ArrayList<>(first.get(0).keySet());
            onlyA.removeAll(second.get(0).keySet());
            List<String> onlyB = new ArrayList<>(second.get(0).keySet());
            onlyB.removeAll(first.get(0).keySet());
            throw new IllegalArgumentException("paired results have different outputs (only in a: " + onlyA
                    + "; only in b: " + onlyB + "); compare scenarios with the same firms, e.g. a.withFirmsOf(b) and "
                    + "b.withFirmsOf(a)");
        }
        List<String> names = List.copyOf(first.get(0).keySet());
        ReplicationFold fold = new ReplicationFold(a.size());
        double[] v = new double[names.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < v.length; k++) {
                double x = value(first.get(i), names.get(k));
                v[k] = second == null ? x : value(second.get(i), names.get(k)) - x;
            }
            fold.add(i, v);
        }
        return of(names, fold.result(), 0);
    }

    /**
     * The table of outputs whose moments were folded as replications finished
     * ({@link ExperimentEngine#summarise}): the same numbers as {@link #of(List)} on the results themselves.
     *
     * @param names   the outputs' names, in order
     * @param moments the moments
     * @param offset  the slot of the first output
     * @return the table
     */
    public static SummaryTable of(List<String> names, Moments moments, int offset) {
        Map<String, Summary> table = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            table.put(names.get(k), moments.summary95(offset + k));
        }
        return new SummaryTable(table);
    }

    private static List<Map<String, Double>> maps(List<? extends Scalars> results) {
        List<Map<String, Double>> maps = new ArrayList<>(results.size());
        for (Scalars r : results) {
            maps.add(r.scalars());
        }
        return maps;
    }

    private static double value(Map<String, Double> scalars, String name) {
        Double v = scalars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("output '" + name + "' is missing from a replication");
        }
        return v;
    }

    /**
     * @param name an output name
     * @return its summary
     */
    public Summary get(String name) {
        Summary s = outputs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no output named '" + name + "'; outputs: " + outputs.keySet());
        }
        return s;
    }
}
