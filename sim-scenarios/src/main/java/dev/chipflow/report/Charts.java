package dev.chipflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look every report chart shares, and its PNG encoding. Charts are drawn with JFreeChart off screen; each has a
 * title with its unit, a white background and readable fonts. The same inputs give the same bytes. The charts
 * themselves are in {@link RunCharts}, {@link SweepCharts} and the other {@code *Charts} classes.
 */
public final class Charts {

    /** Width of every chart, pixels. */
    public static final int WIDTH = 1000;
    /** Height of every chart, pixels. */
    public static final int HEIGHT = 560;

    static final String FONT = Font.SANS_SERIF;
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0xFF7F0E), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF),
        new Color(0x393B79), new Color(0xAD494A)};

    static {
        headless();
    }

    private Charts() {
    }

    /**
     * Draws off screen. It must be set before anything starts AWT, so the classes whose methods a caller may reach
     * first ({@link RunCharts}, {@link SweepCharts}, {@link TimePlot}) call it from their static initialisers too.
     */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * A chart encoded as PNG, with the file name it is written to and a caption.
     *
     * @param fileName the file name in the report directory
     * @param title    the caption under the chart in report.html
     * @param bytes    the PNG encoding
     */
    public record Png(String fileName, String title, byte[] bytes) {
    }

    /**
     * @param chart a chart
     * @return its PNG encoding at {@link #WIDTH} x {@link #HEIGHT}
     */
    public static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Lines in {@link #PALETTE} order, each with its band shaded lightly in the same colour. */
    static DeviationRenderer deviationRenderer(int series, boolean shapes) {
        DeviationRenderer r = new DeviationRenderer(true, shapes);
        r.setAlpha(0.18f);
        for (int i = 0; i < series; i++) {
            Paint p = PALETTE[i % PALETTE.length];
            r.setSeriesPaint(i, p);
            r.setSeriesFillPaint(i, p);
            r.setSeriesStroke(i, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return r;
    }

    static BasicStroke dashed() {
        return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    static void styleXy(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
    }

    static void styleCategory(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setLabelFont(new Font(FONT, Font.PLAIN, 14));
        plot.getDomainAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
        plot.getDomainAxis().setLabelPaint(TEXT);
        plot.getDomainAxis().setTickLabelPaint(TEXT);
        styleAxis(plot.getRangeAxis());
    }

    static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 14));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(Color.GRAY);
        axis.setTickMarkPaint(Color.GRAY);
    }

    /**
     * A series that never moves (all zero, say) would get an axis of +-5E-9: give it a range of whole units around the
     * value instead.
     */
    private static void flatAxis(org.jfree.chart.plot.Plot plot) {
        ValueAxis axis;
        org.jfree.data.Range r;
        if (plot instanceof XYPlot xy && xy.getRangeAxis() != null) {
            axis = xy.getRangeAxis();
            r = xy.getDataRange(axis);
        } else if (plot instanceof CategoryPlot cp && cp.getRangeAxis() != null) {
            axis = cp.getRangeAxis();
            r = cp.getDataRange(axis);
        } else {
            return;
        }
        if (axis.isAutoRange() && r != null && r.getLength() < 1e-6) {
            double v = r.getCentralValue();
            axis.setRange(v >= 0 && v < 1e-6 ? 0 : v - 1, v + 1);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }

    /** The finished chart around a styled plot: title, padding, legend at the bottom, flat axes widened. */
    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart c = new JFreeChart(null, new Font(FONT, Font.BOLD, 17), plot, legend);
        TextTitle t = new TextTitle(title, new Font(FONT, Font.BOLD, 17));
        t.setPaint(TEXT);
        t.setPadding(new RectangleInsets(8, 8, 6, 8));
        c.setTitle(t);
        c.setBackgroundPaint(Color.WHITE);
        c.setPadding(new RectangleInsets(6, 8, 6, 14));
        c.setAntiAlias(true);
        c.setTextAntiAlias(true);
        flatAxis(plot);
        LegendTitle l = c.getLegend();
        if (l != null) {
            l.setItemFont(new Font(FONT, Font.PLAIN, 13));
            l.setItemPaint(TEXT);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
        }
        return c;
    }
}
