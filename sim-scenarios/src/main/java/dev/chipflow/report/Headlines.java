package dev.chipflow.report;

import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Timeline;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.stats.Summary;
import dev.chipflow.supply.Stage;
import java.time.LocalDate;
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
        String rules = rulesHolding(a);
        if (!rules.isEmpty()) {
            out.add(rules);
        }
        return out;
    }

    /**
     * The rules behind the stages that hold units at the end: for each such stage (most units first), its knobs that
     * the timeline set, with the date and source; then the other dated rules in force at the end.
     *
     * @param a a run
     * @return a sentence, or empty when the scenario has no timeline
     */
    static String rulesHolding(RunAnalysis a) {
        Scenario s = a.scenario();
        if (s.timeline().isEmpty()) {
            return "";
        }
        // The last change of each knob is the rule in force at the end.
        Map<String, Timeline.Entry> inForce = new LinkedHashMap<>();
        for (Timeline.Entry e : s.timelineEntries()) {
            inForce.remove(e.change().knob());
            inForce.put(e.change().knob(), e);
        }
        double[] atEnd = a.unitsAtEndTotal();
        List<Stage> holding = new ArrayList<>();
        for (Stage st : Stage.values()) {
            if (st != Stage.DELIVERED && atEnd[st.ordinal()] > 0) {
                holding.add(st);
            }
        }
        holding.sort(Comparator.comparingDouble(st -> -atEnd[st.ordinal()]));
        StringBuilder b = new StringBuilder();
        for (Stage st : holding) {
            List<String> why = new ArrayList<>();
            for (String k : st.knobs()) {
                Timeline.Entry e = inForce.remove(k);
                if (e != null) {
                    why.add(describe(e));
                }
            }
            if (st == Stage.APPROVAL) {
                why.add("the approvals China gave: " + Fmt.human(a.summary("all.approved").mean()) + " of the "
                        + Fmt.human(a.summary("all.ordered").mean()) + " units ordered (firm.NAME.approvals)");
            }
            if (!why.isEmpty()) {
                b.append(b.length() == 0 ? "" : "; ").append(st.label()).append(" is held by ")
                        .append(String.join(" and ", why));
            }
        }
        String held = b.length() == 0 ? "" : "Dated rules holding the units: " + b + ".";
        List<String> rest = new ArrayList<>();
        inForce.values().forEach(e -> rest.add(describe(e)));
        String others = rest.isEmpty() ? "" : "Other dated rules in force at the end (downstream or not binding): " + String.join("; ", rest) + ".";
        return (held + " " + others).trim();
    }

    private static String describe(Timeline.Entry e) {
        PolicyChange c = e.change();
        return c.knob() + " = " + e.to() + " from " + c.date()
                + (c.source().equals("-") ? "" : " (" + c.source() + (c.trust().equals("-") ? "" : ", trust "
                        + c.trust()) + ")");
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
     * The answer of a comparison in words, over time: B - A by each analysis date, the largest gap and its date (so
     * that "no difference" at the end never hides a difference on the way), when each reaches half of its own final
     * deliveries and B's delay, and the unit-days of delay.
     *
     * @param c    a comparison
     * @param info how it was made (the analysis dates)
     * @return sentences on the difference in deliveries
     */
    public static List<String> comparison(ComparisonAnalysis c, RunInfo info) {
        List<String> out = new ArrayList<>();
        DeliveryGap gap = c.gap();
        for (LocalDate date : info.analysisDates(c.a())) {
            Summary d = c.deliveredByDifference(date);
            String verdict = CsvReports.significant(d) ? " \u2014 a real difference (the 95% CI excludes 0)"
                    : " \u2014 not distinguishable from zero at 95%";
            out.add("By " + date + ", " + c.labelB() + " minus " + c.labelA() + ", units delivered to all firms: "
                    + signed(d) + verdict + " (A " + Fmt.human(c.a().deliveredBy(date).mean()) + ", B "
                    + Fmt.human(c.b().deliveredBy(date).mean()) + ").");
        }
        LocalDate at = c.a().date(gap.largestDay());
        if (gap.largest().mean() == 0) {
            out.add("The two scenarios deliver the same on every day of the run.");
        } else {
            out.add("Largest gap: " + signed(gap.largest()) + " on " + at + (gap.differsSomeDay()
                    ? "; B differs from A on at least one day (95% CI excluding 0)."
                    : "; on no day is the difference distinguishable from zero at 95%."));
        }
        for (DeliveryGap.Milestone m : gap.milestones()) {
            if (m.share() != 0.5) {
                continue;
            }
            if (m.dayA().n() == 0 || m.dayB().n() == 0) {
                out.add("Half of final deliveries: " + (m.dayA().n() == 0 ? "A" : "B") + " delivers nothing.");
                continue;
            }
            out.add("Half of its own final deliveries: A by " + c.a().date((int) Math.round(m.dayA().mean()))
                    + ", B by " + c.b().date((int) Math.round(m.dayB().mean())) + "; B is " + days(m.delay())
                    + " later than A.");
        }
        out.add("Delay in unit-days (the area between the curves, positive when B is behind): "
                + Fmt.human(gap.unitDays().mean()) + (Double.isNaN(gap.unitDays().lower()) ? "" : " (95% CI "
                        + Fmt.human(gap.unitDays().lower()) + " to " + Fmt.human(gap.unitDays().upper()) + ")")
                + ".");
        return out;
    }

    /** @return e.g. {@code 12 days (95% CI 9 to 15)}, over the replications where both deliver */
    static String days(Summary s) {
        String ci = Double.isNaN(s.lower()) ? "" : " (95% CI " + Fmt.human(s.lower()) + " to " + Fmt.human(s.upper())
                + ")";
        return Fmt.human(s.mean()) + " days" + ci;
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
