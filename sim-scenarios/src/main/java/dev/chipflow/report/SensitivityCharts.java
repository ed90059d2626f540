package dev.chipflow.report;

import dev.chipflow.sensitivity.Factor;
import dev.chipflow.sensitivity.MorrisEstimator;
import dev.chipflow.sensitivity.SensitivityResult;
import dev.chipflow.sensitivity.SobolEstimator;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The charts of a sensitivity report: indices with their intervals, the headline's histogram, scatter plots. */
final class SensitivityCharts {

    /** Histogram bins. */
    static final int BINS = 40;

    private SensitivityCharts() {
    }

    /**
     * Horizontal bars, one pair per factor, most important at the top: first-order and total Sobol' indices (or mu*
     * and sigma for Morris), whiskers for the intervals.
     */
    static JFreeChart indices(SensitivityResult r, SensitivityResult.OutputAnalysis a, String title) {
        List<Integer> order = a.ranking();
        int k = order.size();
        boolean sobol = a.sobol() != null;
        XYIntervalSeries first = new XYIntervalSeries(sobol ? "first order (alone)" : "mu* (mean |effect|)", false,
                true);
        XYIntervalSeries total = new XYIntervalSeries(sobol ? "total (with interactions)" : "sigma (spread of effects)",
                false, true);
        String[] names = new String[k];
        double half = 0.17;
        for (int rank = 0; rank < k; rank++) {
            int i = order.get(rank);
            int pos = k - 1 - rank;
            names[pos] = r.factors().get(i).knob();
            if (sobol) {
                SobolEstimator.Index ix = a.sobol().get(i);
                add(first, pos + half, half, ix.first(), ix.firstLower(), ix.firstUpper());
                add(total, pos - half, half, ix.total(), ix.totalLower(), ix.totalUpper());
            } else {
                MorrisEstimator.Effect e = a.morris().get(i);
                add(first, pos + half, half, e.muStar(), e.muStarLower(), e.muStarUpper());
                add(total, pos - half, half, e.sigma(), e.sigma(), e.sigma());
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(first);
        data.addSeries(total);
        SymbolAxis x = new SymbolAxis(null, names);
        x.setGridBandsVisible(false);
        x.setRange(-0.7, k - 0.3);
        NumberAxis y = new NumberAxis(sobol ? "Sobol' index (share of the output's variance)"
                : "elementary effect, output units per whole range of the factor");
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x9E, 0xC5, 0xE8));
        bars.setSeriesPaint(1, Charts.PALETTE[0]);
        bars.setDrawBarOutline(false);
        XYPlot plot = new XYPlot(data, x, y, bars);
        XYErrorRenderer whiskers = new XYErrorRenderer();
        whiskers.setDrawXError(false);
        whiskers.setDrawYError(true);
        whiskers.setDefaultShapesVisible(false);
        whiskers.setDefaultLinesVisible(false);
        whiskers.setErrorPaint(Charts.TEXT);
        whiskers.setErrorStroke(new BasicStroke(1.4f));
        whiskers.setCapLength(7);
        plot.setDataset(1, data);
        plot.setRenderer(1, whiskers);
        // The whiskers belong to the bars: one legend entry per series.
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(bars.getLegendItem(0, 0));
        legend.add(bars.getLegendItem(0, 1));
        plot.setFixedLegendItems(legend);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        Charts.styleXy(plot);
        x.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 13));
        plot.setDomainGridlinesVisible(false);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)), Layer.FOREGROUND);
        if (sobol) {
            double top = 1;
            for (SobolEstimator.Index ix : a.sobol()) {
                top = Math.max(top, Double.isNaN(ix.totalUpper()) ? 0 : ix.totalUpper());
            }
            double bottom = 0;
            for (SobolEstimator.Index ix : a.sobol()) {
                bottom = Math.min(bottom, Double.isNaN(ix.firstLower()) ? 0 : ix.firstLower());
            }
            y.setRange(Math.min(0, bottom - 0.02), top + 0.02);
        } else {
            y.setLowerBound(0);
        }
        return Charts.chart(title, plot, true);
    }

    private static void add(XYIntervalSeries s, double x, double half, double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return;
        }
        s.add(x, x - half, x + half, v, Double.isNaN(lo) ? v : lo, Double.isNaN(hi) ? v : hi);
    }

    /** The headline output over the uncertainty sample, with its 5%, 50% and 95% marks. */
    static JFreeChart histogram(SensitivityResult.OutputAnalysis a, String xLabel, String title) {
        double[] v = a.sample();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (!(max > min)) {
            min -= 0.5;
            max += 0.5;
        }
        HistogramDataset data = new HistogramDataset();
        data.addSeries("replications", v, BINS, min, max);
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis("replications (of " + Fmt.human(v.length) + ")");
        XYBarRenderer r = new XYBarRenderer(0.04);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, new Color(0x9E, 0xC5, 0xE8));
        XYPlot plot = new XYPlot(data, x, y, r);
        Charts.styleXy(plot);
        String[] names = {"5%", "median", "95%"};
        double[] at = {a.p5(), a.p50(), a.p95()};
        for (int i = 0; i < 3; i++) {
            ValueMarker m = new ValueMarker(at[i], i == 1 ? Charts.PALETTE[1] : Charts.TEXT,
                    i == 1 ? new BasicStroke(2f) : Charts.dashed());
            m.setLabel(names[i] + ": " + Fmt.human(at[i]));
            m.setLabelFont(new Font(Charts.FONT, Font.BOLD, 13));
            m.setLabelPaint(i == 1 ? Charts.PALETTE[1] : Charts.TEXT);
            m.setLabelBackgroundColor(Color.WHITE);
            // Labels at three heights, so that close marks do not overwrite each other.
            m.setLabelOffset(new RectangleInsets(6 + 22 * i, 4, 4, 4));
            m.setLabelAnchor(i == 2 ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(i == 2 ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        return Charts.chart(title, plot, false);
    }

    private static String shortParameter(Factor.Kind kind) {
        return switch (kind) {
            case NUMBER, WHOLE -> "";
            case MEAN -> " (mean, days)";
            case DATE_SHIFT -> " (shift, days)";
            case WINDOW_END_SHIFT -> " (end shift, days)";
        };
    }

    /** The output's point means against each of the given factors, side by side, one dot per design point. */
    static JFreeChart scatter(SensitivityResult r, int output, List<Integer> factors, String yLabel, String title) {
        NumberAxis y = new NumberAxis(yLabel);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(y);
        combined.setGap(14);
        int[] pts = r.uniformPoints();
        for (int c = 0; c < factors.size(); c++) {
            int i = factors.get(c);
            Factor f = r.factors().get(i);
            XYSeries s = new XYSeries(f.knob(), false, true);
            for (int p : pts) {
                s.add(r.values()[p][i], r.means()[p][output]);
            }
            XYSeriesCollection data = new XYSeriesCollection(s);
            NumberAxis x = new NumberAxis(f.knob() + shortParameter(f.kind()));
            x.setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
            Color col = Charts.PALETTE[c % Charts.PALETTE.length];
            dots.setSeriesPaint(0, new Color(col.getRed(), col.getGreen(), col.getBlue(), 90));
            dots.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            XYPlot plot = new XYPlot(data, x, null, dots);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(Charts.GRID);
            plot.setRangeGridlinePaint(Charts.GRID);
            plot.setDomainGridlineStroke(new BasicStroke(1f));
            plot.setRangeGridlineStroke(new BasicStroke(1f));
            plot.setOutlineVisible(false);
            Charts.styleAxis(x);
            x.setLabelFont(new Font(Charts.FONT, Font.PLAIN, factors.size() > 2 ? 12 : 13));
            combined.add(plot, 1);
        }
        Charts.styleAxis(y);
        combined.setBackgroundPaint(Color.WHITE);
        return Charts.chart(title, combined, false);
    }
}
