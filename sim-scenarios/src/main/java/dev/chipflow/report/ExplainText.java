package dev.chipflow.report;

import dev.chipflow.explain.Explanation;
import dev.chipflow.explain.Rule;
import dev.chipflow.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The words and tables of {@code chipflow explain}, shared by the console and report.html. */
final class ExplainText {

    /** Rules whose label takes a plural verb. */
    private static final Set<Rule> PLURAL = EnumSet.of(Rule.NDRC_CONDITIONS, Rule.LICENCE_LIMITS, Rule.CUSTOMS);

    /** Rules named one by one in a headline at most; the others are summed. */
    static final int MAX_NAMED = 5;

    /** A mean below this many units, in absolute value, is "none". */
    static final double NONE = 0.5;

    private ExplainText() {
    }

    /** @return what was run: replications, seed, exact or sampled, model runs */
    static String method(Explanation e) {
        int n = e.rules().size();
        String how = e.exact()
                ? String.format(java.util.Locale.ROOT, "exact Shapley values over all %,d subsets of the %d rules",
                        1 << n, n)
                : String.format(java.util.Locale.ROOT, "Shapley values sampled from %s of the %d rules per "
                        + "replication", Fmt.count(e.permutations(), "random order"), n);
        return Fmt.count(e.replications(), "replication") + " with common random numbers, seed " + e.seed() + "; "
                + how + String.format(java.util.Locale.ROOT, " (%,d model runs)", e.runs());
    }

    /**
     * The answer in words for one date, all firms: the shortfall, the rules that hold it with their 95% CIs, most
     * first, and what no rule holds.
     */
    static String headline(Explanation e, int date) {
        int all = e.all();
        String by = e.dates().get(date).toString();
        double ordered = e.ordered(date, all);
        Summary shortfall = e.shortfall(date, all);
        if (Math.abs(shortfall.mean()) < NONE) {
            return "By " + by + " every one of the " + Fmt.human(ordered) + " units ordered is delivered: no rule "
                    + "holds any back.";
        }
        StringBuilder b = new StringBuilder("Of the " + Fmt.human(shortfall.mean()) + " units ordered and not "
                + "delivered by " + by + ciWords(shortfall, "") + ", ");
        // The rules that hold most, largest first, until they cover two thirds of what the rules hold (at most
        // MAX_NAMED); the others together, with the interval of their sum; the table lists every rule.
        List<Integer> order = rulesByShare(e, date, all);
        double held = e.explained(date, all).mean();
        List<String> parts = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        double covered = 0;
        for (int r : order) {
            Summary v = e.shapley(r, date, all);
            boolean none = Math.abs(v.mean()) < NONE && !(Math.abs(v.lower()) >= NONE || Math.abs(v.upper()) >= NONE);
            if (none || covered >= 2 * held / 3 || parts.size() == MAX_NAMED || v.mean() < 0) {
                others.add(r);
                continue;
            }
            covered += v.mean();
            Rule rule = e.rules().get(r);
            parts.add(rule.label() + (parts.isEmpty() ? (PLURAL.contains(rule) ? " account" : " accounts") : "")
                    + " for " + Fmt.human(v.mean()) + ciWords(v, ""));
        }
        if (parts.isEmpty()) {
            b.append("no rule accounts for any");
        } else {
            b.append(String.join(", ", parts));
        }
        if (!others.isEmpty() && !parts.isEmpty()) {
            Summary rest = sum(e, others, date, all);
            String count = others.size() == 1 ? "the one other rule" : "the other " + words(others.size()) + " rules";
            b.append(" and ").append(count).append(Math.abs(rest.mean()) < NONE ? " for none"
                    : (others.size() == 1 ? " for " : " together for ") + Fmt.human(rest.mean()) + ciWords(rest, ""));
        }
        Summary rest = e.unexplained(date, all);
        b.append("; ");
        if (Math.abs(rest.mean()) < NONE) {
            b.append("lifting every rule would deliver all of them by then.");
        } else {
            b.append(Fmt.human(rest.mean())).append(ciWords(rest, "")).append(" would not be delivered even with "
                    + "every rule lifted (transit, and orders too late to arrive).");
        }
        return b.toString();
    }

    /** @return the sum of some rules' shares, replication by replication, summarised */
    static Summary sum(Explanation e, List<Integer> rules, int date, int firm) {
        double[] v = new double[e.replications()];
        for (int rep = 0; rep < v.length; rep++) {
            for (int r : rules) {
                v[rep] += e.shapley(rep, r, date, firm);
            }
        }
        return Summary.of95(v);
    }

    /** @return a note on negative shares, if a rule has one at a date (for a firm or all firms); else null */
    static String negativeNote(Explanation e) {
        for (int d = 0; d < e.dates().size(); d++) {
            for (int r = 0; r < e.rules().size(); r++) {
                for (int f = 0; f <= e.firms().size(); f++) {
                    if (e.shapley(r, d, f).mean() <= -NONE) {
                        return "A negative share means that lifting the rule delivers fewer units on average, to "
                                + "that firm or in all: it lets others take supply, domestic chips, licences or room "
                                + "under the cap first.";
                    }
                }
            }
        }
        return null;
    }

    /** @return the rules' indices by their Shapley mean for the firm at the date, largest first (ties: rule order) */
    static List<Integer> rulesByShare(Explanation e, int date, int firm) {
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < e.rules().size(); r++) {
            order.add(r);
        }
        order.sort(Comparator.<Integer>comparingDouble(r -> -e.shapley(r, date, firm).mean())
                .thenComparingInt(r -> r));
        return order;
    }

    /** The header of {@link #ruleRows}. */
    static List<String> ruleHeader() {
        return List.of("rule", "Shapley share [95% CI]",
                "lifted alone [95% CI]", "kept alone [95% CI]");
    }

    /**
     * One row per rule (pipeline order) for all firms at the date, then the rules together, what no rule holds and
     * the shortfall.
     */
    static List<List<String>> ruleRows(Explanation e, int date) {
        int all = e.all();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < e.rules().size(); r++) {
            rows.add(List.of(e.rules().get(r).label(), Reports.ci(e.shapley(r, date, all)),
                    Reports.ci(e.liftedAlone(r, date, all)), Reports.ci(e.keptAlone(r, date, all))));
        }
        rows.add(List.of("every rule (sum of the shares)", Reports.ci(e.explained(date, all)), "", ""));
        rows.add(List.of("no rule: transit, late orders", Reports.ci(e.unexplained(date, all)), "", ""));
        rows.add(List.of("ordered and not delivered", Reports.ci(e.shortfall(date, all)), "", ""));
        return rows;
    }

    /** The header of {@link #firmRows}: firm, each rule's id, no rule, shortfall. */
    static List<String> firmHeader(Explanation e) {
        List<String> h = new ArrayList<>();
        h.add("firm");
        for (Rule r : e.rules()) {
            h.add(r.id());
        }
        h.add("no rule");
        h.add("ordered, not delivered");
        return h;
    }

    /** Per firm and all firms: each rule's mean Shapley share at the date, what no rule holds, the shortfall. */
    static List<List<String>> firmRows(Explanation e, int date, int maxFirms) {
        List<List<String>> rows = new ArrayList<>();
        int n = e.firms().size();
        for (int f = 0; f < Math.min(n, maxFirms); f++) {
            rows.add(firmRow(e, date, f, e.firms().get(f)));
        }
        if (n > maxFirms) {
            List<String> more = new ArrayList<>();
            more.add("... " + (n - maxFirms) + " more firms (explain.csv)");
            while (more.size() < e.rules().size() + 3) {
                more.add("");
            }
            rows.add(more);
        }
        rows.add(firmRow(e, date, n, "all"));
        return rows;
    }

    private static List<String> firmRow(Explanation e, int date, int f, String name) {
        List<String> row = new ArrayList<>();
        row.add(name);
        for (int r = 0; r < e.rules().size(); r++) {
            row.add(Fmt.human(e.shapley(r, date, f).mean()));
        }
        row.add(Fmt.human(e.unexplained(date, f).mean()));
        row.add(Fmt.human(e.shortfall(date, f).mean()));
        return row;
    }

    /** @return {@code " (95% CI a to b)"}, {@code same} when every replication agrees, "" with one replication */
    private static String ciWords(Summary s, String same) {
        if (Double.isNaN(s.lower())) {
            return "";
        }
        if (s.lower() == s.upper()) {
            return same;
        }
        return " (95% CI " + Fmt.human(s.lower()) + " to " + Fmt.human(s.upper()) + ")";
    }

    private static String words(int n) {
        String[] w = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return n < w.length ? w[n] : Integer.toString(n);
    }
}
