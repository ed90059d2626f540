package dev.chipflow.report;

import dev.chipflow.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The chart of a policy sweep: outputs against the swept knob. */
public final class SweepCharts {

    static {
        Charts.headless();
    }

    private SweepCharts() {
    }

    /**
     * Curves of outputs against the swept knob, each with its 95% CI band. For a grid, one curve per value of the
     * second knob, of the first output only.
     *
     * @param s       the sweep
     * @param outputs scalar outputs with the legend label of each, e.g. {@code all.delivered} / {@code all firms}
     * @param title   the title, with the unit
     * @param yLabel  the value axis label
     * @return the chart
     */
    public static JFreeChart curves(SweepAnalysis s, List<String[]> outputs, String title, String yLabel) {
        List<String> labels = new ArrayList<>();
        List<Function<RunAnalysis, Summary>> values = new ArrayList<>();
        for (String[] o : outputs) {
            labels.add(o[1]);
            values.add(p -> p.summary(o[0]));
        }
        return curves(s, labels, values, title, yLabel);
    }

    /**
     * One curve of any number a point's analysis gives, e.g. {@code p -> p.deliveredBy(date)}; for a grid, one per
     * value of the second knob, as {@link #curves(SweepAnalysis, List, String, String)}.
     *
     * @param s      the sweep
     * @param label  the legend label
     * @param value  the number at each point, with its 95% CI
     * @param title  the title, with the unit
     * @param yLabel the value axis label
     * @return the chart
     */
    static JFreeChart curve(SweepAnalysis s, String label, Function<RunAnalysis, Summary> value, String title,
            String yLabel) {
        return curves(s, List.of(label), List.of(value), title, yLabel);
    }

    private static JFreeChart curves(SweepAnalysis s, List<String> labels, List<Function<RunAnalysis, Summary>> values,
            String title, String yLabel) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        boolean numeric = s.numeric();
        if (s.isGrid()) {
            Function<RunAnalysis, Summary> value = values.get(0);
            for (int j = 0; j < s.labels2().size(); j++) {
                YIntervalSeries series = new YIntervalSeries(s.knob2() + " = " + s.labels2().get(j), false, true);
                for (int i = 0; i < s.labels().size(); i++) {
                    add(series, x(s, i, numeric), value.apply(s.point(i, j)));
                }
                data.addSeries(series);
            }
        } else {
            for (int k = 0; k < values.size(); k++) {
                YIntervalSeries series = new YIntervalSeries(labels.get(k), false, true);
                for (int i = 0; i < s.labels().size(); i++) {
                    add(series, x(s, i, numeric), values.get(k).apply(s.point(i, 0)));
                }
                data.addSeries(series);
            }
        }
        ValueAxis x;
        if (numeric) {
            NumberAxis n = new NumberAxis(s.axisLabel());
            n.setAutoRangeIncludesZero(false);
            x = n;
        } else {
            x = new SymbolAxis(s.axisLabel(), s.labels().toArray(new String[0]));
        }
        NumberAxis y = new NumberAxis(yLabel);
        DeviationRenderer r = Charts.deviationRenderer(data.getSeriesCount(), true);
        XYPlot plot = new XYPlot(data, x, y, r);
        Charts.styleXy(plot);
        return Charts.chart(title, plot, data.getSeriesCount() > 1);
    }

    /** Knob values that are numbers sit at their value; others (quarters, "never") one step apart in sweep order. */
    private static double x(SweepAnalysis s, int i, boolean numeric) {
        return numeric ? Double.parseDouble(s.labels().get(i)) : i;
    }

    private static void add(YIntervalSeries s, double x, Summary v) {
        // Every output a sweep chart shows is a count or a share: never below zero.
        double lo = Math.max(0, Double.isNaN(v.lower()) ? v.mean() : v.lower());
        double hi = Double.isNaN(v.upper()) ? v.mean() : v.upper();
        if (!Double.isNaN(v.mean())) {
            s.add(x, v.mean(), lo, hi);
        }
    }
}
