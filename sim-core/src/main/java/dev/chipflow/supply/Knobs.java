package dev.chipflow.supply;

import dev.chipflow.random.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every knob of a scenario by its documented name (docs/calibration.md), plus the per-firm knobs
 * {@code firm.NAME.orders}, {@code firm.NAME.approvals} and {@code firm.NAME.priority}.
 *
 * <p>Value syntax: numbers; {@code unlimited} for caps and lab lines; dates {@code YYYY-MM-DD} ({@code never} for
 * production start); distributions as in {@link Distribution#parse(String)}; windows
 * {@code 2026-01-14..2026-01-28, 2026-07-01..2026-07-31} ({@code none} for no window); orders
 * {@code 2026-01-01:20000, 2026-01-24:280000}; approvals {@code 2026-01-28:133333:conditional} (or {@code :final});
 * booleans {@code true}/{@code false}.
 */
public final class Knobs {

    private static final String UNLIMITED = "unlimited";
    private static final List<Knob> ALL = build();
    private static final Map<String, Knob> BY_NAME = index();

    private Knobs() {
    }

    /** @return every scenario-wide knob, in documentation order (per-firm knobs are not listed here) */
    public static List<Knob> all() {
        return ALL;
    }

    /**
     * @param name a knob's name
     * @return the knob
     * @throws InvalidKnobException if there is no such knob
     */
    public static Knob knob(String name) {
        Knob k = BY_NAME.get(name);
        if (k == null) {
            throw new InvalidKnobException("knob name", name, "one of " + BY_NAME.keySet()
                    + " or firm.NAME.orders / firm.NAME.approvals / firm.NAME.priority");
        }
        return k;
    }

    /**
     * Sets a knob by name.
     *
     * @param s     a scenario
     * @param name  a knob's name, including per-firm knobs; setting {@code firm.NAME.orders} of a new name adds a
     *              firm
     * @param value the value, as text
     * @return a copy of {@code s} with the knob set
     * @throws InvalidKnobException naming the knob, the value and what is allowed
     */
    public static Scenario set(Scenario s, String name, String value) {
        if (name.startsWith("firm.")) {
            return setFirm(s, name, value);
        }
        return knob(name).set(s, value);
    }

    /**
     * Reads a knob by name, as text that {@link #set} accepts.
     *
     * @param s    a scenario
     * @param name a knob's name, including per-firm knobs
     * @return the value as text
     */
    public static String get(Scenario s, String name) {
        if (name.startsWith("firm.")) {
            String[] p = firmKnob(name);
            Firm f = s.firms().get(s.firmIndex(p[1]));
            return switch (p[2]) {
                case "orders" -> join(f.orders());
                case "approvals" -> join(f.approvals());
                default -> Integer.toString(f.priority());
            };
        }
        return knob(name).get(s);
    }

    /**
     * A knob's value over the run: on day 0, then each value its timeline gives it, with the date.
     *
     * @param s    a scenario
     * @param name a knob's name
     * @return e.g. {@code unlimited; 75000 from 2026-03-03}; just the value when it never changes
     */
    public static String valueOverTime(Scenario s, String name) {
        StringBuilder v = new StringBuilder(get(s, name));
        for (PolicyChange c : s.timeline().changes()) {
            if (c.knob().equals(name)) {
                v.append("; ").append(c.value()).append(" from ").append(c.date());
            }
        }
        return v.toString();
    }

    /**
     * @param s a scenario
     * @return every knob of {@code s} as name to text, firm knobs included, then the timeline's changes as
     *         {@code knob@date} to text, in a stable order
     */
    public static Map<String, String> values(Scenario s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Knob k : ALL) {
            m.put(k.name(), k.get(s));
        }
        for (Firm f : s.firms()) {
            for (String part : List.of("orders", "approvals", "priority")) {
                String n = "firm." + f.name() + "." + part;
                m.put(n, get(s, n));
            }
        }
        for (PolicyChange c : s.timeline().changes()) {
            m.put(c.label(), c.value());
        }
        return Collections.unmodifiableMap(m);
    }

    private static String[] firmKnob(String name) {
        String[] p = name.split("\\.");
        if (p.length != 3 || !List.of("orders", "approvals", "priority").contains(p[2])) {
            throw new InvalidKnobException("knob name", name,
                    "firm.NAME.orders, firm.NAME.approvals or firm.NAME.priority");
        }
        return p;
    }

    private static Scenario setFirm(Scenario s, String name, String value) {
        String[] p = firmKnob(name);
        String firm = p[1];
        Firm existing = s.firms().stream().filter(f -> f.name().equals(firm)).findFirst().orElse(null);
        if (existing == null && !p[2].equals("orders")) {
            throw new InvalidKnobException(name, value, "a firm of the scenario " + s.firms().stream().map(Firm::name)
                    .toList() + "; '" + firm + "' is unknown (add a firm by setting firm." + firm + ".orders first)");
        }
        Firm f = existing != null ? existing : new Firm(firm, List.of(), List.of(), s.firms().size());
        try {
            Firm changed = switch (p[2]) {
                case "orders" -> f.withOrders(orders(value));
                case "approvals" -> f.withApprovals(approvals(value));
                default -> f.withPriority(whole(value));
            };
            return s.toBuilder().firm(changed).build();
        } catch (InvalidKnobException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String form = switch (p[2]) {
                case "orders" -> "a list DATE:UNITS, ... e.g. 2026-01-01:20000, 2026-01-24:280000";
                case "approvals" -> "a list DATE:UNITS:conditional|final, ... e.g. 2026-01-28:133333:conditional";
                default -> "a whole number >= 0";
            };
            throw new InvalidKnobException(name, value, form + " (" + e.getMessage() + ")");
        }
    }

    private static List<Order> orders(String text) {
        List<Order> out = new ArrayList<>();
        for (String item : items(text)) {
            String[] p = item.split(":");
            if (p.length != 2) {
                throw new IllegalArgumentException("'" + item + "' is not DATE:UNITS");
            }
            out.add(new Order(Scenario.parseDate(p[0]), wholeUnits(p[1])));
        }
        return out;
    }

    private static List<Approval> approvals(String text) {
        List<Approval> out = new ArrayList<>();
        for (String item : items(text)) {
            String[] p = item.split(":");
            if (p.length != 3 || !(p[2].trim().equals("conditional") || p[2].trim().equals("final"))) {
                throw new IllegalArgumentException("'" + item + "' is not DATE:UNITS:conditional|final");
            }
            out.add(new Approval(Scenario.parseDate(p[0]), wholeUnits(p[1]),
                    p[2].trim().equals("conditional")));
        }
        return out;
    }

    private static List<String> items(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equals("none")) {
            return List.of();
        }
        return Arrays.stream(t.split(",")).map(String::trim).toList();
    }

    private static String join(List<?> items) {
        if (items.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (Object o : items) {
            b.append(b.length() == 0 ? "" : ", ").append(o);
        }
        return b.toString();
    }

    private static List<DateWindow> windowsOf(String text) {
        return items(text).stream().map(DateWindow::parse).toList();
    }

    /** Plain decimal numbers only: no "0." cut short, no "Infinity" or "NaN" (no cap is spelled 'unlimited'). */
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    static double number(String v) {
        String t = v.trim();
        if (!Distribution.PLAIN_NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + v + "' is not a plain decimal number");
        }
        return Double.parseDouble(t);
    }

    private static long wholeUnits(String v) {
        double d = number(v);
        if (d != Math.rint(d) || Math.abs(d) > Scenario.MAX_UNITS * 1000.0) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number of units up to 1e15");
        }
        return (long) d;
    }

    private static int whole(String v) {
        String t = v.trim();
        if (!WHOLE.matcher(t).matches() || t.replaceFirst("^[+-]?0*", "").length() > 10) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
        long n = Long.parseLong(t);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("'" + v + "' is too large");
        }
        return (int) n;
    }

    private static long units(String v) {
        return v.equalsIgnoreCase(UNLIMITED) ? Long.MAX_VALUE : wholeUnits(v);
    }

    private static String units(long v) {
        return v == Long.MAX_VALUE ? UNLIMITED : Long.toString(v);
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("yes")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off") || v.equalsIgnoreCase("no")) {
            return false;
        }
        throw new IllegalArgumentException("'" + v + "' is not true/false");
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Knob k(String name, String unit, String description, String allowed, String calibrated,
            String source, String trust, Function<Scenario, String> get,
            BiFunction<Scenario.Builder, String, Scenario.Builder> set) {
        return new Knob(name, unit, description, allowed, calibrated, source, trust, get, set, MidRun.of(name));
    }

    private static Map<String, Knob> index() {
        Map<String, Knob> m = new LinkedHashMap<>();
        for (Knob k : ALL) {
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }

    private static final String DAYS = "a distribution of days: " + Distribution.FORMS;

    private static List<Knob> build() {
        List<Knob> l = new ArrayList<>();
        l.add(k("name", "-", "Scenario name shown in reports", "non-empty text", "-", "-", "-",
                Scenario::name, Scenario.Builder::name));
        l.add(k("horizon.end", "date", "Last simulated date", "a date 2026-01-01..2035-12-31", "-", "-", "-",
                s -> s.horizonEnd().toString(), (b, v) -> b.horizonEnd(Scenario.parseDate(v))));
        // China
        l.add(k("china.clearance", "date", "In-principle clearance to prepare orders: no purchase order before it",
                "a date", "-", "Bloomberg (2026-01-23/24)", "M",
                s -> s.china().clearance().toString(), (b, v) -> b.chinaClearance(Scenario.parseDate(v))));
        l.add(k("ndrc.conditionDays", "days", "Time until the NDRC makes a conditional approval's conditions final",
                DAYS, "7-120 (mean)", "not published", "assumption",
                s -> s.china().ndrcConditionDays().spec(), (b, v) -> b.ndrcConditionDays(Distribution.parse(v))));
        l.add(k("ndrc.conditionsFinalize", "on/off", "Whether conditions ever become final (off: the 2026 record)",
                "true or false", "-", "record to mid-2026: conditions not final", "M",
                s -> Boolean.toString(s.china().conditionsFinalize()), (b, v) -> b.conditionsFinalize(bool(v))));
        l.add(k("china.conversionShare", "share", "Share of final approved units turned into purchase orders",
                "a number in [0, 1]", "0-1", "\"conditions too restrictive for orders yet\"", "assumption",
                s -> num(s.china().conversionShare()), (b, v) -> b.conversionShare(number(v))));
        l.add(k("china.conversionDays", "days", "Time from final conditions to purchase order (full payment up front)",
                DAYS, "-", "Reuters via secondary (Jan 2026): payment up front slows conversion", "assumption",
                s -> s.china().conversionDays().spec(), (b, v) -> b.conversionDays(Distribution.parse(v))));
        l.add(k("domestic.ratio", "chips/chip", "Domestic chips a firm must buy per H200 ordered",
                "a number in [0, 10]", "0-2", "\"under study\", no number", "assumption",
                s -> num(s.china().domesticRatio()), (b, v) -> b.domesticRatio(number(v))));
        l.add(k("domestic.outputPerYear", "units/year", "Huawei Ascend 910C output, shared by all firms",
                "a number in [0, 1e10]", "300,000-800,000", "Bloomberg (2025-09-30); bear case SemiAnalysis", "M",
                s -> num(s.china().domesticOutputPerYear()), (b, v) -> b.domesticOutputPerYear(number(v))));
        l.add(k("domestic.initialStock", "units", "Domestic chips available to buyers on day 0",
                "a number in [0, 1e10]", "-", "not published", "assumption",
                s -> num(s.china().domesticInitialStock()), (b, v) -> b.domesticInitialStock(number(v))));
        // Supply
        l.add(k("supply.inventory", "units", "Nvidia H200 inventory on day 0", "a whole number >= 0",
                "300,000-700,000", "Reuters (2025-12-31)", "M",
                s -> Long.toString(s.supply().inventoryUnits()), (b, v) -> b.inventoryUnits(units(v))));
        l.add(k("supply.productionStart", "date", "First date of new H200 output for China ('never' for none)",
                "a date or never", "Q2-Q4 2026, or never", "reports of TSMC orders (Dec 2025)", "M",
                s -> s.supply().productionStart() == null ? "never" : s.supply().productionStart().toString(),
                (b, v) -> b.productionStart(v.equalsIgnoreCase("never") ? null : Scenario.parseDate(v))));
        l.add(k("supply.productionPerWeek", "units/week", "New H200 output once running",
                "a number in [0, 1e9]", "0-100,000", "not published", "assumption",
                s -> num(s.supply().productionUnitsPerWeek()), (b, v) -> b.productionUnitsPerWeek(number(v))));
        l.add(k("supply.halts", "dates", "Windows with no output (halt 2026-03-05, restart 2026-03-18)",
                "windows FROM..TO, comma-separated, or none", "-", "reports (Mar 2026)", "M",
                s -> join(s.supply().productionHalts()), (b, v) -> b.productionHalts(windowsOf(v))));
        l.add(k("supply.allocation", "-", "How supply is shared: FCFS, PRO_RATA (to approvals) or PRIORITY",
                "FCFS, PRO_RATA or PRIORITY", "-", "not published", "assumption",
                s -> s.supply().allocation().name(),
                (b, v) -> b.allocation(AllocationPolicy.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')))));
        // US licence
        l.add(k("licence.policyStart", "date", "US licence policy, and the cap's window, in force from", "a date",
                "-", "Federal Register 2026-00789", "H",
                s -> s.us().policyStart().toString(), (b, v) -> b.licencePolicyStart(Scenario.parseDate(v))));
        l.add(k("licence.scope", "-", "One US licence per FIRM or per ORDER", "FIRM or ORDER", "-", "-",
                "assumption", s -> s.us().licenceScope().name(),
                (b, v) -> b.licenceScope(LicenceScope.valueOf(v.toUpperCase(Locale.ROOT)))));
        l.add(k("licence.reviewDays", "days", "US interagency review, end to end", DAYS, "30-90",
                "Reuters via secondary (Dec 2025)", "M",
                s -> s.us().reviewDays().spec(), (b, v) -> b.licenceReviewDays(Distribution.parse(v))));
        l.add(k("licence.approvalProbability", "probability", "Chance a review grants the licence (else resubmitted)",
                "a number in [0, 1]", "-", "not published", "assumption",
                s -> num(s.us().approvalProbability()), (b, v) -> b.licenceApprovalProbability(number(v))));
        l.add(k("licence.perFirmCap", "units/firm", "US per-firm cap on licensed units ('unlimited' for none)",
                "a whole number >= 0 or unlimited", "0-unlimited (75,000 reported)", "Bloomberg (2026-03-03)",
                "M/L", s -> units(s.us().perFirmCap()), (b, v) -> b.licencePerFirmCap(units(v))));
        l.add(k("licence.totalCeiling", "units", "US ceiling on units licensed to all firms",
                "a whole number >= 0 or unlimited", "0-unlimited", "Bloomberg via Business Times (2026-03-03)", "M",
                s -> units(s.us().totalCeiling()), (b, v) -> b.licenceTotalCeiling(units(v))));
        // Cap
        l.add(k("cap.ratio", "units/units", "China+Macau shipments may not exceed this times US end-user shipments",
                "a number in [0, 10] or unlimited (no cap)", "0.0-1.0", "BIS rule; law-firm summaries (Jan 2026)",
                "H", s -> s.us().capRatio() == Double.POSITIVE_INFINITY ? UNLIMITED : num(s.us().capRatio()),
                (b, v) -> b.capRatio(v.equalsIgnoreCase(UNLIMITED) ? Double.POSITIVE_INFINITY : number(v))));
        l.add(k("cap.rollingDays", "days", "Cap window: 0 = cumulative since the policy start, N = rolling N days",
                "a whole number in [0, 3650]", "cumulative, or rolling N days", "the rule names no period",
                "assumption", s -> Integer.toString(s.us().capRollingDays()),
                (b, v) -> b.capRollingDays(whole(v))));
        l.add(k("cap.split", "on/off", "Whether a shipment may be split to use the room left under the cap",
                "true or false", "-", "not published", "assumption",
                s -> Boolean.toString(s.us().capSplit()), (b, v) -> b.capSplit(bool(v))));
        l.add(k("cap.usUnitsPerWeek", "units/week", "US end-user H200 shipments, the cap's base",
                "a whole number in [0, 1000000000]", "0-100,000", "not published", "assumption",
                s -> Long.toString(s.us().usUnitsPerWeek()), (b, v) -> b.usUnitsPerWeek(wholeUnits(v))));
        // Lab
        l.add(k("lab.required", "on/off", "Third-party test in a US lab for every shipment", "true or false",
                "on/off", "BIS rule", "H",
                s -> Boolean.toString(s.lab().required()), (b, v) -> b.labRequired(bool(v))));
        l.add(k("lab.lines", "lots", "Test lines: lots the lab tests at once ('unlimited' for no limit)",
                "a whole number >= 1 or unlimited", "1-20", "not published", "assumption",
                s -> s.lab().lines() == Integer.MAX_VALUE ? UNLIMITED : Integer.toString(s.lab().lines()),
                (b, v) -> b.labLines(v.equalsIgnoreCase(UNLIMITED) ? Integer.MAX_VALUE : whole(v))));
        l.add(k("lab.baseDays", "days", "Test duration per lot, fixed part", DAYS, "3-42",
                "no lab, capacity or duration published", "assumption",
                s -> s.lab().baseDays().spec(), (b, v) -> b.labBaseDays(Distribution.parse(v))));
        l.add(k("lab.daysPerUnit", "days/unit", "Test duration added per unit of a lot (drawn once per test)",
                "a distribution of days per unit with mean at most 1: " + Distribution.FORMS, "-", "not published",
                "assumption", s -> s.lab().daysPerUnit().spec(), (b, v) -> b.labDaysPerUnit(Distribution.parse(v))));
        l.add(k("lab.lotUnits", "units", "Units the lab tests together at most: one lot per line, however the flow "
                + "is cut into shipments", "a whole number in [1, 1000000000]", "8,000 (one default shipment)",
                "not published", "assumption",
                s -> Integer.toString(s.lab().lotUnits()), (b, v) -> b.labLotUnits(whole(v))));
        l.add(k("lab.failureShare", "probability", "Share of tests failed; the lot is tested again",
                "a number in [0, 0.95]", "0-0.20", "not published", "assumption",
                s -> num(s.lab().failureShare()), (b, v) -> b.labFailureShare(number(v))));
        // Border
        l.add(k("transit.days", "days", "Transit from the US lab to China", DAYS, "3-10", "not published",
                "assumption", s -> s.border().transitDays().spec(), (b, v) -> b.transitDays(Distribution.parse(v))));
        l.add(k("customs.clearanceDays", "days", "Chinese customs clearance once permitted", DAYS, "1-14",
                "not published", "assumption",
                s -> s.border().clearanceDays().spec(), (b, v) -> b.customsClearanceDays(Distribution.parse(v))));
        l.add(k("customs.blocks", "dates", "Windows in which nothing clears Chinese customs",
                "windows FROM..TO, comma-separated, or none", "any window",
                "start: Reuters (2026-01-14), H; no report of an end: 2026-01-28 (the approvals) is an assumption, "
                        + "historical-2026 keeps the block to the year's end", "assumption",
                s -> join(s.border().customsBlocks()), (b, v) -> b.customsBlocks(windowsOf(v))));
        // Shipments and market
        l.add(k("shipment.units", "units", "Units per shipment; orders are cut into shipments of this size",
                "a whole number in [1, 10000000]", "8-10,000", "Dec 2025 reports", "M",
                s -> Integer.toString(s.shipmentUnits()), (b, v) -> b.shipmentUnits(whole(v))));
        l.add(k("market.priceUsd", "USD", "Price per H200", "a number in [0, 1e7]", "20,000-32,000",
                "Jan 2026 reports", "M", s -> num(s.market().priceUsd()), (b, v) -> b.priceUsd(number(v))));
        l.add(k("market.usTakeShare", "share", "US take on chips passing through the US", "a number in [0, 1]",
                "0-0.25", "Section 232 proclamation (2026-01-15)", "H",
                s -> num(s.market().usTakeShare()), (b, v) -> b.usTakeShare(number(v))));
        return Collections.unmodifiableList(l);
    }
}
