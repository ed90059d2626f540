package dev.chipflow.report;

import dev.chipflow.stats.Summary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The charts of a comparison of two scenarios run with common random numbers. */
final class ComparisonCharts {

    private ComparisonCharts() {
    }

    /** @return cumulative deliveries to all firms in both scenarios, with CI bands */
    public static JFreeChart comparisonDeliveries(ComparisonAnalysis c) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(TimePlot.series(c.labelA(), c.a(), c.a().deliveredTotal(), true));
        data.addSeries(TimePlot.series(c.labelB(), c.b(), c.b().deliveredTotal(), true));
        XYPlot plot = TimePlot.of(data, "H200 units delivered (cumulative)");
        TimePlot.markRecordDate(plot, c.a());
        TimePlot.markChanges(plot, c.b());
        return Charts.chart("Cumulative H200 deliveries to all firms, units (mean and 95% CI band)", plot, true);
    }

    /** @return per firm, the difference B - A in units delivered with its 95% CI (common random numbers) */
    public static JFreeChart comparisonDifferences(ComparisonAnalysis c) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        List<String> firms = new ArrayList<>(c.a().firms());
        if (firms.size() > 3 * FirmGroup.MAX_SERIES) {
            firms = firms.subList(0, 3 * FirmGroup.MAX_SERIES);
        }
        for (String f : firms) {
            if (!c.b().firms().contains(f)) {
                continue;
            }
            Summary d = c.difference().get(f + ".delivered");
            data.add(d.mean(), Double.isNaN(d.halfWidth()) ? 0 : d.halfWidth(), "B \u2212 A", f);
        }
        Summary all = c.difference().get("all.delivered");
        data.add(all.mean(), Double.isNaN(all.halfWidth()) ? 0 : all.halfWidth(), "B \u2212 A", "all firms");
        CategoryAxis x = new CategoryAxis("firm");
        NumberAxis y = new NumberAxis("difference in H200 units delivered (B \u2212 A)");
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, Charts.PALETTE[0]);
        r.setErrorIndicatorPaint(Charts.TEXT);
        r.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        Charts.styleCategory(plot);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)), Layer.FOREGROUND);
        if (firms.size() > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return Charts.chart("Difference in units delivered by " + c.a().lastDate()
                + ", B \u2212 A (error bars: 95% CI, common random numbers)", plot, false);
    }

    /** @return B - A of the units delivered to all firms, day by day, with its 95% CI band */
    public static JFreeChart gap(ComparisonAnalysis c) {
        DeliveryGap gap = c.gap();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(TimePlot.series("B \u2212 A", c.a(), gap.difference(), false));
        XYPlot plot = TimePlot.of(data, "difference in H200 units delivered (B \u2212 A)");
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)), Layer.FOREGROUND);
        TimePlot.markRecordDate(plot, c.a());
        TimePlot.markChanges(plot, c.b());
        return Charts.chart("Difference in cumulative deliveries to all firms over time, B \u2212 A, units (mean "
                + "and 95% CI band, common random numbers)", plot, false);
    }
}
