package dev.chipflow.report;

import dev.chipflow.explain.Explanation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The charts of {@code chipflow explain}: stacked bars of the rules' mean Shapley shares, one segment per rule and a
 * grey one for what no rule holds, so that each bar's height is the units ordered and not delivered. Each rule keeps
 * its colour in every chart.
 */
final class ExplainCharts {

    /** Colour of the units no rule holds (transit, late orders). */
    private static final Color NO_RULE = new Color(0xBB, 0xBB, 0xBB);
    private static final String NO_RULE_LABEL = "no rule (transit, late orders)";
    /** One colour per rule, in rule order: none of them grey, so that no rule reads as "no rule". */
    private static final Color[] RULE_COLORS = {
        new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0xFF7F0E), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x393B79), new Color(0xBCBD22), new Color(0x17BECF),
        new Color(0xAD494A), new Color(0x637939)};

    private ExplainCharts() {
    }

    /** @return the charts: all firms at every date, then per firm at each date */
    static List<Charts.Png> all(Explanation e) {
        List<Charts.Png> charts = new ArrayList<>();
        charts.add(new Charts.Png("explain-all.png", "Units held back by each rule, all firms, at each analysis date",
                Charts.png(byDate(e))));
        for (int d = 0; d < e.dates().size(); d++) {
            String date = e.dates().get(d).toString();
            charts.add(new Charts.Png("explain-firms-" + date + ".png", "Units held back by each rule, per firm, "
                    + "by " + date, Charts.png(byFirm(e, d))));
        }
        return charts;
    }

    /** @return one stacked bar per analysis date, all firms */
    static JFreeChart byDate(Explanation e) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Integer> rules = shown(e);
        for (int r : rules) {
            for (int d = 0; d < e.dates().size(); d++) {
                data.addValue(e.shapley(r, d, e.all()).mean(), e.rules().get(r).label(), "by " + e.dates().get(d));
            }
        }
        for (int d = 0; d < e.dates().size(); d++) {
            data.addValue(e.unexplained(d, e.all()).mean(), NO_RULE_LABEL, "by " + e.dates().get(d));
        }
        return chart(data, rules, "analysis date", "Units ordered and not delivered, all firms, by the rule that "
                + "holds them (mean Shapley shares over " + Fmt.count(e.replications(), "replication") + ")", false);
    }

    /** @return one stacked bar per firm (the largest shortfalls; the rest summed) at one date */
    static JFreeChart byFirm(Explanation e, int date) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Integer> rules = shown(e);
        List<List<Integer>> groups = groups(e, date);
        List<String> labels = new ArrayList<>();
        for (List<Integer> g : groups) {
            labels.add(g.size() == 1 ? e.firms().get(g.get(0)) : "other " + g.size() + " firms");
        }
        for (int r : rules) {
            for (int k = 0; k < groups.size(); k++) {
                double v = 0;
                for (int f : groups.get(k)) {
                    v += e.shapley(r, date, f).mean();
                }
                data.addValue(v, e.rules().get(r).label(), labels.get(k));
            }
        }
        for (int k = 0; k < groups.size(); k++) {
            double v = 0;
            for (int f : groups.get(k)) {
                v += e.unexplained(date, f).mean();
            }
            data.addValue(v, NO_RULE_LABEL, labels.get(k));
        }
        return chart(data, rules, "firm", "Units ordered by " + e.dates().get(date) + " and not delivered, per "
                + "firm, by the rule that holds them (mean Shapley shares)", groups.size() > 6);
    }

    /** @return the rules with a share of at least one unit somewhere, in rule order */
    private static List<Integer> shown(Explanation e) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < e.rules().size(); r++) {
            boolean any = false;
            for (int d = 0; d < e.dates().size() && !any; d++) {
                for (int f = 0; f <= e.firms().size() && !any; f++) {
                    any = Math.abs(e.shapley(r, d, f).mean()) >= ExplainText.NONE;
                }
            }
            if (any) {
                out.add(r);
            }
        }
        return out;
    }

    /** Firms one by one up to {@link FirmGroup#MAX_SERIES}, else the largest shortfalls and the rest together. */
    private static List<List<Integer>> groups(Explanation e, int date) {
        return FirmGroup.split(e.firms().size(), Comparator.<Integer>comparingDouble(f -> -e.shortfall(date, f)
                .mean()).thenComparingInt(f -> f));
    }

    private static JFreeChart chart(DefaultCategoryDataset data, List<Integer> rules, String xLabel, String title,
            boolean slanted) {
        CategoryAxis x = new CategoryAxis(xLabel);
        NumberAxis y = new NumberAxis("H200 units (mean over replications)");
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.14);
        r.setDrawBarOutline(false);
        for (int k = 0; k < rules.size(); k++) {
            r.setSeriesPaint(k, RULE_COLORS[rules.get(k) % RULE_COLORS.length]);
        }
        r.setSeriesPaint(rules.size(), NO_RULE);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        Charts.styleCategory(plot);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)), Layer.FOREGROUND);
        if (slanted) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return Charts.chart(title, plot, true);
    }
}
