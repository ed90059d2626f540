package dev.chipflow.report;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Plain-language sentences that answer the question a run was made for; shared by the console and report.html. */
public final class Headlines {

    private Headlines() {
    }

    /**
     * @param a a run
     * @return the headline sentences: units delivered by the record date and by the end of the run, where the units
     *         are held, and which stage held them longest
     */
    public static List<String> run(RunAnalysis a) {
        List<String> out = new ArrayList<>();
        if (a.index(NamedScenarios.RECORD_DATE) >= 0 && !NamedScenarios.RECORD_DATE.equals(a.lastDate())) {
            out.add("By " + NamedScenarios.RECORD_DATE + ": " + units(a.deliveredBy(NamedScenarios.RECORD_DATE))
                    + " delivered to all firms.");
        }
        out.add("By " + a.lastDate() + " (end of the run): " + units(a.deliveredBy(a.lastDate()))
                + " delivered to all firms, of " + Fmt.human(a.summary("all.ordered").mean()) + " ordered.");
        out.add("Units are held at (end of the run, mean over " + Fmt.count(a.replications(), "replication") + "): "
                + stageList(a.unitsAtEndTotal(), true) + ".");
        out.add("Stage where units waited longest (attribution): " + stageList(a.attributedTotal(), false) + ".");
        return out;
    }

    /**
     * A firm's lead time for the per-firm tables: the mean and the median lead time, each averaged over the
     * replications that delivered to the firm (one that delivered nothing has no lead time), and how many those are.
     *
     * @param a    a run
     * @param firm a firm of the run
     * @return e.g. {@code 142 / 138 over 18 of 20 replications}; {@code -} if no replication delivered to the firm
     */
    public static String leadTime(RunAnalysis a, String firm) {
        Summary mean = a.firm(firm, "leadTimeMeanDays");
        if (mean.n() == 0) {
            return "-";
        }
        return Fmt.human(mean.mean()) + " / " + Fmt.human(a.firm(firm, "leadTimeP50Days").mean()) + " over "
                + mean.n() + " of " + Fmt.count(a.replications(), "replication");
    }

    /** @return e.g. {@code 0 units (95% CI 0 to 0)} */
    public static String units(Summary s) {
        String ci = Double.isNaN(s.lower()) ? "" : " (95% CI " + Fmt.human(s.lower()) + " to "
                + Fmt.human(s.upper()) + ")";
        return Fmt.human(s.mean()) + " units" + ci;
    }

    /**
     * @param perStage units per stage (by ordinal)
     * @param delivered whether to include the delivered stage
     * @return the stages holding units, most first, e.g. {@code 440,000 (22.0%) approved, waiting for NDRC ...}
     */
    static String stageList(double[] perStage, boolean delivered) {
        double total = 0;
        List<Integer> stages = new ArrayList<>();
        for (int s = 0; s < perStage.length; s++) {
            if (perStage[s] > 0 && (delivered || s != Stage.DELIVERED.ordinal())) {
                stages.add(s);
                total += perStage[s];
            }
        }
        if (stages.isEmpty()) {
            return "no units";
        }
        stages.sort(Comparator.<Integer>comparingDouble(s -> -perStage[s]).thenComparingInt(s -> s));
        StringBuilder b = new StringBuilder();
        for (int s : stages) {
            if (b.length() > 0) {
                b.append("; ");
            }
            Stage st = Stage.of(s);
            b.append(Fmt.human(perStage[s])).append(" (").append(Fmt.percent(perStage[s] / total)).append(") ")
                    .append(st == Stage.DELIVERED ? "delivered to the firms" : lower(st.description()));
            if (st != Stage.DELIVERED) {
                b.append(" [").append(st.label()).append(']');
            }
        }
        return b.toString();
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * @param c a comparison
     * @return sentences on the difference in deliveries
     */
    public static List<String> comparison(ComparisonAnalysis c) {
        List<String> out = new ArrayList<>();
        Summary d = c.difference().get("all.delivered");
        out.add(c.labelB() + " minus " + c.labelA() + ", units delivered to all firms by " + c.a().lastDate() + ": "
                + signed(d) + (CsvReports.significant(d) ? " \u2014 a real difference (the 95% CI excludes 0)."
                        : " \u2014 not distinguishable from zero at 95%."));
        out.add(c.labelA() + ": " + units(c.a().summary("all.delivered")) + "; " + c.labelB() + ": "
                + units(c.b().summary("all.delivered")) + ".");
        return out;
    }

    /** @return e.g. {@code +12,000 units (95% CI +8,000 to +16,000)} */
    public static String signed(Summary s) {
        String ci = Double.isNaN(s.lower()) ? "" : " (95% CI " + sign(s.lower()) + " to " + sign(s.upper()) + ")";
        return sign(s.mean()) + " units" + ci;
    }

    private static String sign(double v) {
        return (v > 0 ? "+" : "") + Fmt.human(v);
    }
}
