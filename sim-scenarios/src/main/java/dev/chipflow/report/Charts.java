package dev.chipflow.report;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Order;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Stage;
import dev.chipflow.supply.SupplyObservation.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart off screen and encoded as PNG. Every chart has a title with its unit, a
 * white background and readable fonts; time axes show dates. The same inputs give the same bytes.
 */
public final class Charts {

    /** Width of every chart, pixels. */
    public static final int WIDTH = 1000;
    /** Height of every chart, pixels. */
    public static final int HEIGHT = 560;
    /** Firms drawn one by one; the rest are summed into one series. */
    static final int MAX_FIRM_SERIES = 10;

    static final String FONT = Font.SANS_SERIF;
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0xFF7F0E), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF),
        new Color(0x393B79), new Color(0xAD494A)};
    private static final Color[] STAGE_COLORS = {
        new Color(0x8C564B), new Color(0xE377C2), new Color(0xBCBD22), new Color(0x9467BD), new Color(0xFF7F0E),
        new Color(0xD62728), new Color(0x1F77B4), new Color(0x17BECF), new Color(0x2CA02C), new Color(0x7F7F7F),
        new Color(0x393B79), new Color(0x98DF8A)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A chart encoded as PNG, with the file name it is written to and a caption. */
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

    // ---------------------------------------------------------------- one scenario

    /** @return cumulative deliveries per firm, mean with a 95% CI band */
    public static JFreeChart deliveries(RunAnalysis a) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (FirmGroup g : firmGroups(a)) {
            data.addSeries(series(g.label(), a, a.delivered(g.members()), true));
        }
        XYPlot plot = timePlot(data, "H200 units delivered (cumulative)");
        markRecordDate(plot, a);
        markChanges(plot, a);
        return chart("Cumulative H200 deliveries per firm, units (mean and 95% CI band over "
                + Fmt.count(a.replications(), "replication") + ")", plot, true);
    }

    /** @return room under the export cap over time */
    public static JFreeChart capHeadroom(RunAnalysis a) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series("cap headroom", a, a.band(Series.CAP_HEADROOM)));
        XYPlot plot = timePlot(data, "units");
        markChanges(plot, a);
        ValueMarker zero = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addRangeMarker(zero);
        return chart("Room under the export cap (ratio \u00d7 US shipments \u2212 China shipments), units", plot,
                false);
    }

    /** @return shipments waiting for a lab line and lines busy over time */
    public static JFreeChart lab(RunAnalysis a) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series("shipments waiting for a line", a, a.band(Series.LAB_QUEUE), true));
        data.addSeries(series("lines busy", a, a.band(Series.LAB_BUSY), true));
        XYPlot plot = timePlot(data, "shipments");
        markChanges(plot, a);
        int lines = a.scenario().lab().lines();
        String of = lines == Integer.MAX_VALUE ? "unlimited lines" : lines + " lines";
        if (lines != Integer.MAX_VALUE) {
            ValueMarker m = new ValueMarker(lines, Color.GRAY, dashed());
            m.setLabel("capacity: " + of);
            m.setLabelFont(new Font(FONT, Font.PLAIN, 12));
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
        return chart("US test lab: shipments waiting and lines busy (" + of + "), shipments", plot, true);
    }

    /** @return Nvidia inventory over time */
    public static JFreeChart inventory(RunAnalysis a) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series("inventory", a, a.band(Series.INVENTORY), true));
        XYPlot plot = timePlot(data, "units");
        markChanges(plot, a);
        return chart("Nvidia H200 inventory, units", plot, false);
    }

    /**
     * @param a       the run
     * @param atEnd   true: where the units are at the end of the run; false: where they waited longest
     * @return a stacked bar per firm, one segment per stage
     */
    public static JFreeChart stages(RunAnalysis a, boolean atEnd) {
        double[][] m = atEnd ? a.unitsAtEndMean() : a.attributedMean();
        List<FirmGroup> groups = firmGroups(a);
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
        styleCategory(plot);
        if (groups.size() > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        String title = atEnd ? "Where each firm's ordered units are at the end of the run (" + a.lastDate()
                + "), units" : "Which stage held each firm's units longest (attribution), units";
        return chart(title, plot, true);
    }

    // ---------------------------------------------------------------- sweeps

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
    public static JFreeChart sweep(SweepAnalysis s, List<String[]> outputs, String title, String yLabel) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        boolean numeric = s.numeric();
        if (s.isGrid()) {
            String output = outputs.get(0)[0];
            for (int j = 0; j < s.labels2().size(); j++) {
                YIntervalSeries series = new YIntervalSeries(s.knob2() + " = " + s.labels2().get(j), false, true);
                for (int i = 0; i < s.labels().size(); i++) {
                    add(series, x(s, i, numeric), s.point(i, j).summary(output));
                }
                data.addSeries(series);
            }
        } else {
            for (String[] o : outputs) {
                YIntervalSeries series = new YIntervalSeries(o[1], false, true);
                for (int i = 0; i < s.labels().size(); i++) {
                    add(series, x(s, i, numeric), s.point(i, 0).summary(o[0]));
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
        DeviationRenderer r = deviationRenderer(data.getSeriesCount(), true);
        XYPlot plot = new XYPlot(data, x, y, r);
        styleXy(plot);
        return chart(title, plot, data.getSeriesCount() > 1);
    }

    private static double x(SweepAnalysis s, int i, boolean numeric) {
        return numeric ? Double.parseDouble(s.labels().get(i)) : i;
    }

    /** Firms drawn as their own series, the others (by fewest units ordered) summed into one. */
    record FirmGroup(String label, List<Integer> members) {
    }

    static List<FirmGroup> firmGroups(RunAnalysis a) {
        return firmGroups(a.scenario());
    }

    /**
     * Decided from the scenario, before it runs, because the runs keep the groups' summed deliveries day by day
     * rather than every replication.
     */
    static List<FirmGroup> firmGroups(Scenario scenario) {
        List<Firm> firms = scenario.firms();
        int n = firms.size();
        List<FirmGroup> groups = new ArrayList<>();
        if (n <= MAX_FIRM_SERIES) {
            for (int i = 0; i < n; i++) {
                groups.add(new FirmGroup(firms.get(i).name(), List.of(i)));
            }
            return groups;
        }
        long[] ordered = new long[n];
        for (int i = 0; i < n; i++) {
            for (Order o : firms.get(i).orders()) {
                ordered[i] += o.units();
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Most ordered first, then scenario order: a total order, so charts are stable.
        order.sort(Comparator.<Integer>comparingLong(i -> -ordered[i]).thenComparingInt(i -> i));
        List<Integer> shown = new ArrayList<>(order.subList(0, MAX_FIRM_SERIES - 1));
        shown.sort(Comparator.naturalOrder());
        for (int i : shown) {
            groups.add(new FirmGroup(firms.get(i).name(), List.of(i)));
        }
        List<Integer> rest = new ArrayList<>(order.subList(MAX_FIRM_SERIES - 1, n));
        rest.sort(Comparator.naturalOrder());
        groups.add(new FirmGroup("other " + rest.size() + " firms", rest));
        return groups;
    }

    private static YIntervalSeries series(String name, RunAnalysis a, Band b) {
        return series(name, a, b, false);
    }

    /** @param counts whether the series counts things, so that its band is drawn no lower than zero */
    static YIntervalSeries series(String name, RunAnalysis a, Band b, boolean counts) {
        YIntervalSeries s = new YIntervalSeries(name, false, false);
        for (int d = 0; d < b.days(); d++) {
            double lo = counts ? Math.max(0, b.lower()[d]) : b.lower()[d];
            s.add(millis(a.date(d)), b.mean()[d], lo, b.upper()[d]);
        }
        return s;
    }

    private static void add(YIntervalSeries s, double x, Summary v) {
        // Every output a sweep chart shows is a count or a share: never below zero.
        double lo = Math.max(0, Double.isNaN(v.lower()) ? v.mean() : v.lower());
        double hi = Double.isNaN(v.upper()) ? v.mean() : v.upper();
        if (!Double.isNaN(v.mean())) {
            s.add(x, v.mean(), lo, hi);
        }
    }

    static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    static XYPlot timePlot(YIntervalSeriesCollection data, String yLabel) {
        TimeZone utc = TimeZone.getTimeZone("UTC");
        DateAxis x = new DateAxis("date", utc, Locale.ROOT);
        SimpleDateFormat month = new SimpleDateFormat("MMM yyyy", Locale.ROOT);
        month.setTimeZone(utc);
        // About twelve labelled ticks whatever the horizon: one a month for a year, one a quarter for three.
        double days = data.getSeriesCount() == 0 || data.getItemCount(0) == 0 ? 365
                : (data.getXValue(0, data.getItemCount(0) - 1) - data.getXValue(0, 0)) / 86_400_000.0;
        int months = Math.max(1, (int) Math.ceil(days / 30.44 / 12));
        x.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, months, month));
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis y = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(data, x, y, deviationRenderer(data.getSeriesCount(), false));
        styleXy(plot);
        return plot;
    }

    private static DeviationRenderer deviationRenderer(int series, boolean shapes) {
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

    /**
     * Marks each date of the scenario's timeline with a dotted line labelled by the changes' numbers in the report's
     * table ("3" or "3,4" for two changes on one day).
     */
    static void markChanges(XYPlot plot, RunAnalysis a) {
        List<List<String>> rows = TimelineReport.rows(a.scenario());
        java.util.Map<String, String> byDate = new java.util.LinkedHashMap<>();
        for (List<String> r : rows) {
            byDate.merge(r.get(1), r.get(0), (x, y) -> x + "," + y);
        }
        for (java.util.Map.Entry<String, String> e : byDate.entrySet()) {
            LocalDate d = LocalDate.parse(e.getKey());
            if (a.index(d) < 0) {
                d = a.date(0);
            }
            ValueMarker m = new ValueMarker(millis(d), new Color(0x99, 0x55, 0x00), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
            m.setLabel(e.getValue());
            m.setLabelFont(new Font(FONT, Font.BOLD, 12));
            m.setLabelPaint(new Color(0x99, 0x55, 0x00));
            m.setLabelBackgroundColor(Color.WHITE);
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(m);
        }
    }

    static void markRecordDate(XYPlot plot, RunAnalysis a) {
        if (a.index(NamedScenarios.RECORD_DATE) < 0) {
            return;
        }
        ValueMarker m = new ValueMarker(millis(NamedScenarios.RECORD_DATE), Color.GRAY, dashed());
        m.setLabel(NamedScenarios.RECORD_DATE.toString());
        m.setLabelFont(new Font(FONT, Font.PLAIN, 12));
        m.setLabelPaint(TEXT);
        m.setLabelBackgroundColor(Color.WHITE);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(m);
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
