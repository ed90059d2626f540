package dev.chipflow.report;

import dev.chipflow.scenarios.NamedScenarios;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A plot of a run's bands against calendar dates, with the scenario's changes and the record date marked: shared by
 * the charts of one run and those of a comparison, so that both read the same way.
 */
final class TimePlot {

    static {
        Charts.headless();
    }

    private TimePlot() {
    }

    /**
     * @param name   the legend label
     * @param a      the run whose dates the band follows
     * @param b      a band, one value per day of the run
     * @param counts whether the series counts things, so that its band is drawn no lower than zero
     * @return the band as a series against dates
     */
    static YIntervalSeries series(String name, RunAnalysis a, Band b, boolean counts) {
        YIntervalSeries s = new YIntervalSeries(name, false, false);
        for (int d = 0; d < b.days(); d++) {
            double lo = counts ? Math.max(0, b.lower()[d]) : b.lower()[d];
            s.add(millis(a.date(d)), b.mean()[d], lo, b.upper()[d]);
        }
        return s;
    }

    /** @return the date as the x value of a date axis: midnight UTC, milliseconds */
    static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * @param data   the series, against {@link #millis} dates
     * @param yLabel the value axis label
     * @return the styled plot, bands shaded, with a month-labelled date axis
     */
    static XYPlot of(YIntervalSeriesCollection data, String yLabel) {
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
        XYPlot plot = new XYPlot(data, x, y, Charts.deviationRenderer(data.getSeriesCount(), false));
        Charts.styleXy(plot);
        return plot;
    }

    /**
     * Marks each date of the scenario's timeline with a dotted line labelled by the changes' numbers in the report's
     * table ("3" or "3,4" for two changes on one day).
     */
    static void markChanges(XYPlot plot, RunAnalysis a) {
        List<List<String>> rows = TimelineReport.rows(a.scenario());
        Map<String, String> byDate = new LinkedHashMap<>();
        for (List<String> r : rows) {
            byDate.merge(r.get(1), r.get(0), (x, y) -> x + "," + y);
        }
        for (Map.Entry<String, String> e : byDate.entrySet()) {
            LocalDate d = LocalDate.parse(e.getKey());
            if (a.index(d) < 0) {
                d = a.date(0);
            }
            ValueMarker m = new ValueMarker(millis(d), new Color(0x99, 0x55, 0x00), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
            m.setLabel(e.getValue());
            m.setLabelFont(new Font(Charts.FONT, Font.BOLD, 12));
            m.setLabelPaint(new Color(0x99, 0x55, 0x00));
            m.setLabelBackgroundColor(Color.WHITE);
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(m);
        }
    }

    /** Marks {@link NamedScenarios#RECORD_DATE}, by which the record shows no deliveries, when the run reaches it. */
    static void markRecordDate(XYPlot plot, RunAnalysis a) {
        if (a.index(NamedScenarios.RECORD_DATE) < 0) {
            return;
        }
        ValueMarker m = new ValueMarker(millis(NamedScenarios.RECORD_DATE), Color.GRAY, Charts.dashed());
        m.setLabel(NamedScenarios.RECORD_DATE.toString());
        m.setLabelFont(new Font(Charts.FONT, Font.PLAIN, 12));
        m.setLabelPaint(Charts.TEXT);
        m.setLabelBackgroundColor(Color.WHITE);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(m);
    }
}
