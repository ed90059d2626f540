package dev.chipflow.explain;

import dev.chipflow.supply.Calendar;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Order;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.Timeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule that can hold units back, with its documented "lifted" form: the knob values under which the rule holds
 * nothing. {@code chipflow explain} asks how many units each rule holds back by running the scenario with every subset
 * of the rules lifted (see {@link Explain}).
 *
 * <p>Lifting a rule sets its knobs by name ({@link Knobs#set}) and removes every dated change of those knobs from the
 * scenario's timeline, since a dated change would impose the rule again. Transit is physical and is never lifted, nor
 * are the orders themselves (their dates and units), the market knobs or the shipment size.
 *
 * <p>Rules interact, and the lifted forms say exactly where: lifting the US licence review also starts the US policy,
 * and with it the export cap's window and the US end-user shipments that make room under the cap, on 2026-01-01;
 * lifting China's approval makes approvals conditional, so the NDRC conditions still apply to them.
 */
public enum Rule {

    /** China's approval of each firm's quantities ({@code firm.NAME.approvals}). */
    CHINA_APPROVAL("china-approval", "China's approval of quantities",
            "every firm is approved for everything it orders, on each order's date (2026-01-01 for earlier orders); "
                    + "the approvals are conditional, so that the NDRC conditions still apply",
            Map.of()),
    /** The NDRC's conditions on conditional approvals. */
    NDRC_CONDITIONS("ndrc-conditions", "NDRC conditions",
            "conditions become final at once", knobs("ndrc.conditionsFinalize", "true", "ndrc.conditionDays",
                    "fixed(0)")),
    /** Conversion of final approvals into purchase orders. */
    CONVERSION("conversion", "conversion into purchase orders",
            "every final approved unit becomes a purchase order at once, from 2026-01-01",
            knobs("china.conversionShare", "1", "china.conversionDays", "fixed(0)", "china.clearance",
                    "2026-01-01")),
    /** The domestic chips a firm must buy per H200. */
    DOMESTIC_QUOTA("domestic-quota", "the domestic-chip quota", "no domestic chip is required",
            knobs("domestic.ratio", "0")),
    /** Nvidia's inventory, production and halts. */
    NVIDIA_SUPPLY("nvidia-supply", "Nvidia supply", "inventory without limit and no production halt",
            knobs("supply.inventory", Long.toString(Scenario.MAX_UNITS), "supply.halts", "none")),
    /** The US licence: its policy start, review time and approval probability. */
    LICENCE_REVIEW("licence-review", "US licence review",
            "every licence is granted at once, from 2026-01-01 (the cap's window and the US end-user shipments "
                    + "start then too)",
            knobs("licence.reviewDays", "fixed(0)", "licence.approvalProbability", "1", "licence.policyStart",
                    "2026-01-01")),
    /** The US per-firm cap and total ceiling on licensed units. */
    LICENCE_LIMITS("licence-limits", "US licence limits", "no per-firm cap and no total ceiling",
            knobs("licence.perFirmCap", "unlimited", "licence.totalCeiling", "unlimited")),
    /** The export cap: China shipments at most cap.ratio times US end-user shipments (50% by the rule). */
    EXPORT_CAP("export-cap", "the 50% export cap", "no cap on China's shipments", knobs("cap.ratio", "unlimited")),
    /** The third-party test in a US lab. */
    LAB_TEST("lab-test", "the third-party lab test", "no test: shipments go from the cap straight to transit",
            knobs("lab.required", "false")),
    /** Chinese customs: blocks and clearance time. */
    CUSTOMS("customs", "Chinese customs", "no block, and clearance takes no time",
            knobs("customs.blocks", "none", "customs.clearanceDays", "fixed(0)"));

    private final String id;
    private final String label;
    private final String lifted;
    private final Map<String, String> values;

    Rule(String id, String label, String lifted, Map<String, String> values) {
        this.id = id;
        this.label = label;
        this.lifted = lifted;
        this.values = values;
    }

    private static Map<String, String> knobs(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** @return a short name for files and tables, e.g. {@code export-cap} */
    public String id() {
        return id;
    }

    /** @return the rule in words, e.g. {@code China's approval of quantities} */
    public String label() {
        return label;
    }

    /** @return the lifted form in words */
    public String liftedForm() {
        return lifted;
    }

    /**
     * @return the knobs the lifted form sets, name to value, in a fixed order ({@code firm.*.approvals} for
     *         {@link #CHINA_APPROVAL}, whose value depends on each firm's orders)
     */
    public Map<String, String> liftedKnobs() {
        return this == CHINA_APPROVAL ? Map.of("firm.*.approvals", "each order's date:units:conditional") : values;
    }

    /** @return the lifted form as knob settings, e.g. {@code cap.ratio=unlimited} */
    public String liftedSettings() {
        StringBuilder b = new StringBuilder();
        liftedKnobs().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    /**
     * @param id a rule's {@link #id()}
     * @return the rule
     * @throws IllegalArgumentException naming the ids if there is none of that id
     */
    public static Rule of(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        List<String> ids = new ArrayList<>();
        for (Rule r : values()) {
            ids.add(r.id);
        }
        throw new IllegalArgumentException("no rule '" + id + "'; rules: " + String.join(", ", ids));
    }

    /**
     * The scenario with some rules lifted: the dated changes of their knobs removed, then their knobs set.
     *
     * @param s     a scenario
     * @param rules the rules to lift (the others are kept as they are)
     * @return the counterfactual scenario, named as {@code s}
     */
    public static Scenario lift(Scenario s, Collection<Rule> rules) {
        if (rules.isEmpty()) {
            return s;
        }
        Set<String> knobs = new HashSet<>();
        for (Rule r : rules) {
            knobs.addAll(r.values.keySet());
        }
        List<PolicyChange> kept = new ArrayList<>();
        for (PolicyChange c : s.timeline().changes()) {
            if (!knobs.contains(c.knob())) {
                kept.add(c);
            }
        }
        // The knobs are set with no timeline (each set would check every dated change again), and the changes kept
        // are put back once, checked against the lifted knobs.
        Scenario out = s.timeline().isEmpty() ? s : s.toBuilder().timeline(Timeline.NONE).build();
        for (Rule r : values()) {
            if (rules.contains(r)) {
                out = r.apply(out);
            }
        }
        return kept.isEmpty() ? out : out.toBuilder().timeline(new Timeline(kept)).build();
    }

    private Scenario apply(Scenario s) {
        Scenario out = s;
        if (this == CHINA_APPROVAL) {
            for (Firm f : s.firms()) {
                out = Knobs.set(out, "firm." + f.name() + ".approvals", approveEveryOrder(f));
            }
            return out;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = Knobs.set(out, e.getKey(), e.getValue());
        }
        return out;
    }

    /** @return approvals of exactly each order, on its date (no earlier than the calendar's first day) */
    private static String approveEveryOrder(Firm f) {
        StringBuilder b = new StringBuilder();
        for (Order o : f.orders()) {
            LocalDate d = o.date().isBefore(Calendar.EPOCH) ? Calendar.EPOCH : o.date();
            b.append(b.length() == 0 ? "" : ", ").append(d).append(':').append(o.units()).append(":conditional");
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
