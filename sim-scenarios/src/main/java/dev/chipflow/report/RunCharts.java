package dev.chipflow.report;

import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyObservation.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The charts of one scenario's run: deliveries, cap headroom, the lab, inventory and where the units wait. */
public final class RunCharts {

    /** One colour per stage, by stage index, so that a stage keeps its colour whichever stages a chart shows. */
    private static final Color[] STAGE_COLORS = {
        new Color(0x8C564B), new Color(0xE377C2), new Color(0xBCBD22), new Color(0x9467BD), new Color(0xFF7F0E),
        new Color(0xD62728), new Color(0x1F77B4), new Color(0x17BECF), new Color(0x2CA02C), new Color(0x7F7F7F),
        new Color(0x393B79), new Color(0x98DF8A)};

    static {
        Charts.headless();
    }

    private RunCharts() {
    }

    /**
     * @param a the run
     * @return cumulative deliveries per firm, mean with a 95% CI band
     */
    public static JFreeChart deliveries(RunAnalysis a) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (FirmGroup g : FirmGroup.of(a.scenario())) {
            data.addSeries(TimePlot.series(g.label(), a, a.delivered(g.members()), true));
        }
        XYPlot plot = TimePlot.of(data, "H200 units delivered (cumulative)");
        TimePlot.markRecordDate(plot, a);
        TimePlot.markChanges(plot, a);
        return Charts.chart("Cumulative H200 deliveries per firm, units (mean and 95% CI band over "
                + Fmt.count(a.replications(), "replication") + ")", plot, true);
    }

    /**
     * @param a the run
     * @return room under the export cap over time
     */
    public static JFreeChart capHeadroom(RunAnalysis a) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        // Headroom goes negative when the cap tightens below what was shipped: its band is not clipped at zero.
        data.addSeries(TimePlot.series("cap headroom", a, a.band(Series.CAP_HEADROOM), false));
        XYPlot plot = TimePlot.of(data, "units");
        TimePlot.markChanges(plot, a);
        ValueMarker zero = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addRangeMarker(zero);
        return Charts.chart("Room under the export cap (ratio \u00d7 US shipments \u2212 China shipments), units",
                plot, false);
    }

    /**
     * @param a the run
     * @return shipments waiting for a lab line and lines busy over time
     */
    public static JFreeChart lab(RunAnalysis a) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(TimePlot.series("shipments waiting for a line", a, a.band(Series.LAB_QUEUE), true));
        data.addSeries(TimePlot.series("lines busy", a, a.band(Series.LAB_BUSY), true));
        XYPlot plot = TimePlot.of(data, "shipments");
        TimePlot.markChanges(plot, a);
        int lines = a.scenario().lab().lines();
        String of = lines == Integer.MAX_VALUE ? "unlimited lines" : lines + " lines";
        if (lines != Integer.MAX_VALUE) {
            ValueMarker m = new ValueMarker(lines, Color.GRAY, Charts.dashed());
            m.setLabel("capacity: " + of);
            m.setLabelFont(new Font(Charts.FONT, Font.PLAIN, 12));
            m.setLabelBackgroundColor(Color.WHITE);
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
            // The capacity line stays in view even when the lab is idle or far below it.
            org.jfree.data.Range r = plot.getDataRange(plot.getRangeAxis());
            double top = Math.max(lines, r == null ? 0 : r.getUpperBound());
            plot.getRangeAxis().setRange(0, top * 1.15);
            plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return Charts.chart("US test lab: shipments waiting and lines busy (" + of + "), shipments", plot, true);
    }

    /**
     * @param a the run
     * @return Nvidia inventory over time
     */
    public static JFreeChart inventory(RunAnalysis a) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(TimePlot.series("inventory", a, a.band(Series.INVENTORY), true));
        XYPlot plot = TimePlot.of(data, "units");
        TimePlot.markChanges(plot, a);
        return Charts.chart("Nvidia H200 inventory, units", plot, false);
    }

    /**
     * @param a     the run
     * @param atEnd true: where the units are at the end of the run; false: where they waited longest
     * @return a stacked bar per firm, one segment per stage
     */
    public static JFreeChart stages(RunAnalysis a, boolean atEnd) {
        double[][] m = atEnd ? a.unitsAtEndMean() : a.attributedMean();
        List<FirmGroup> groups = FirmGroup.of(a.scenario());
        int stages = m.length == 0 ? 0 : m[0].length;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Integer> used = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            double total = 0;
            for (double[] row : m) {
                total += row[s];
            }
            if (total > 0) {
                used.add(s);
            }
        }
        for (int s : used) {
            for (FirmGroup g : groups) {
                double v = 0;
                for (int i : g.members()) {
                    v += m[i][s];
                }
                data.addValue(v, Stage.of(s).label(), g.label());
            }
        }
        CategoryAxis x = new CategoryAxis("firm");
        NumberAxis y = new NumberAxis("H200 units (mean over replications)");
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        for (int k = 0; k < used.size(); k++) {
            r.setSeriesPaint(k, STAGE_COLORS[used.get(k) % STAGE_COLORS.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        Charts.styleCategory(plot);
        if (groups.size() > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        String title = atEnd ? "Where each firm's ordered units are at the end of the run (" + a.lastDate()
                + "), units" : "Which stage held each firm's units longest (attribution), units";
        return Charts.chart(title, plot, true);
    }
}
