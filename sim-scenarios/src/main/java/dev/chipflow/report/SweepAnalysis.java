package dev.chipflow.report;

import java.util.List;

/**
 * A sweep over one knob, or a grid over two, each point summarised as a {@link RunAnalysis}.
 *
 * @param name        the sweep's name (a policy sweep's, or the base scenario's)
 * @param knob        the first knob
 * @param axisLabel   what the first knob's values mean, with the unit
 * @param labels      the first knob's values as shown
 * @param knobValues  the first knob's values as given to the knob
 * @param knob2       the second knob of a grid, or null
 * @param axisLabel2  what the second knob's values mean, or null
 * @param labels2     the second knob's values as shown (empty for a sweep over one knob)
 * @param knobValues2 the second knob's values as given to the knob (empty for a sweep over one knob)
 * @param points      one per value, or per cell {@code (i, j)} at index {@code i * labels2.size() + j}
 */
public record SweepAnalysis(String name, String knob, String axisLabel, List<String> labels, List<String> knobValues,
        String knob2, String axisLabel2, List<String> labels2, List<String> knobValues2, List<RunAnalysis> points) {

    /** Copies and checks the sizes. */
    public SweepAnalysis {
        labels = List.copyOf(labels);
        knobValues = List.copyOf(knobValues);
        labels2 = List.copyOf(labels2);
        knobValues2 = List.copyOf(knobValues2);
        points = List.copyOf(points);
        int expected = labels.size() * Math.max(1, labels2.size());
        if (points.size() != expected || knobValues.size() != labels.size()
                || knobValues2.size() != labels2.size()) {
            throw new IllegalArgumentException("a sweep of " + labels.size() + " x " + labels2.size()
                    + " values needs " + expected + " points, has " + points.size());
        }
    }

    /** @return whether this is a grid over two knobs */
    public boolean isGrid() {
        return knob2 != null;
    }

    /** @return the point of value {@code i} of the first knob and {@code j} of the second (0 without a grid) */
    public RunAnalysis point(int i, int j) {
        return points.get(i * Math.max(1, labels2.size()) + j);
    }

    /** @return whether every label of the first knob is a number (a numeric axis), else categories */
    public boolean numeric() {
        for (String l : labels) {
            try {
                Double.parseDouble(l);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
