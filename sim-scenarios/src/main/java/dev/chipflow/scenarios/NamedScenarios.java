package dev.chipflow.scenarios;

import dev.chipflow.supply.Approval;
import dev.chipflow.supply.DateWindow;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Order;
import dev.chipflow.supply.Scenario;
import dev.chipflow.random.Triangular;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios and policy sweeps the command line knows by name. Each reads like the record it stands for; the knob
 * values not set here are the defaults of docs/calibration.md (see {@link Scenario#builder()}).
 */
public final class NamedScenarios {

    /** The record of 2026: orders not converted, conditions never final, the 75k per-firm US cap. */
    public static final String HISTORICAL = "historical-2026";
    /** The record, with China permitting purchases from 2026-07-01. */
    public static final String PERMITS_JULY = "china-permits-2026-07";
    /** The record, with China permitting purchases from 2026-10-01. */
    public static final String PERMITS_OCTOBER = "china-permits-2026-10";
    /** Conditions final after the NDRC delay and 60% of approvals converted into purchase orders. */
    public static final String ORDERS_PLACED = "orders-placed";
    /** Hundreds of firms and millions of 8-GPU shipments, for benchmarks. */
    public static final String STRESS = "stress";

    /** The date by which the record shows zero confirmed deliveries. */
    public static final LocalDate RECORD_DATE = dev.chipflow.supply.Calendar.MID_YEAR;

    /** The extra customs block of the customs-block sweep starts on this date. */
    public static final LocalDate EXTRA_BLOCK_START = LocalDate.of(2026, 6, 1);

    private NamedScenarios() {
    }

    /**
     * The record of 2026 (docs/record-2026.md), each dated rule change a timeline entry with its source: no Chinese
     * approval of purchases, customs withholding, US licences from mid-May capped at 75,000 per firm, Nvidia's March
     * halt and restart. Reproduces zero confirmed deliveries by 2026-06-30.
     *
     * @return the scenario
     */
    public static Scenario historical2026() {
        return Record2026.historical();
    }

    /**
     * What happens once orders are placed: conditions become final after the NDRC delay and 60% of approved units
     * turn into purchase orders (the builder's defaults). Deliveries per firm through 2026-12-31.
     *
     * @return the scenario
     */
    public static Scenario ordersPlaced() {
        return Scenario.builder().name(ORDERS_PLACED).build();
    }

    /** Firms in the stress scenario. */
    public static final int STRESS_FIRMS = 300;
    /** Units each stress firm orders. */
    public static final long STRESS_UNITS_PER_FIRM = 80_000;

    /**
     * A load test, not a forecast: 300 firms ({@code Firm001..Firm300}) each ordering 80,000 units in four Q1 orders,
     * all approved finally and converted, shipped as 8-GPU modules: 24 million units in 3 million shipments, each
     * passing every stage (allocation, licence, cap, lab, transit, customs). Supply, the licence ceiling, the cap and
     * the lab are set large enough that all stages stay busy without one of them stopping the flow, so one
     * replication executes tens of millions of events. Used by the benchmarks.
     *
     * @return the scenario
     */
    public static Scenario stress() {
        List<LocalDate> orderDates = List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 30));
        long perOrder = STRESS_UNITS_PER_FIRM / orderDates.size();
        List<Firm> firms = new ArrayList<>(STRESS_FIRMS);
        for (int i = 1; i <= STRESS_FIRMS; i++) {
            List<Order> orders = orderDates.stream().map(d -> new Order(d, perOrder)).toList();
            List<Approval> approvals = List.of(new Approval(LocalDate.of(2026, 1, 2), STRESS_UNITS_PER_FIRM, false));
            firms.add(new Firm(String.format(Locale.ROOT, "Firm%03d", i), orders, approvals, i - 1));
        }
        return Scenario.builder()
                .name(STRESS)
                .firms(firms)
                .conversionShare(1.0)
                .domesticRatio(0)
                .inventoryUnits(30_000_000L)
                .productionUnitsPerWeek(500_000)
                .licenceTotalCeiling(Long.MAX_VALUE)
                .licencePerFirmCap(Long.MAX_VALUE)
                .capRatio(1.0)
                .usUnitsPerWeek(2_000_000)
                .labLines(5_000)
                .labBaseDays(new Triangular(0.05, 0.1, 0.15))
                .shipmentUnits(8)
                // One lot per 8-GPU shipment keeps the lab's event load of a load test (a lot of 8,000 would batch it).
                .labLotUnits(8)
                .build();
    }

    private static final Map<String, NamedScenario> SCENARIOS = scenarioIndex();
    private static final Map<String, PolicySweep> SWEEPS = sweepIndex();

    private static Map<String, NamedScenario> scenarioIndex() {
        Map<String, NamedScenario> m = new LinkedHashMap<>();
        for (NamedScenario s : List.of(
                new NamedScenario(HISTORICAL, "The 2026 record, dated: no Chinese approval of purchases, customs "
                        + "withholding, US licences from mid-May (75k per firm); zero deliveries by 2026-06-30",
                        NamedScenarios::historical2026),
                new NamedScenario(PERMITS_JULY, "What if China permits purchases (final conditions, customs "
                        + "clearing) from 2026-07-01, the rest as recorded?",
                        () -> Record2026.chinaPermits(PERMITS_JULY, "2026-07-01")),
                new NamedScenario(PERMITS_OCTOBER, "What if China permits purchases from 2026-10-01 instead?",
                        () -> Record2026.chinaPermits(PERMITS_OCTOBER, "2026-10-01")),
                new NamedScenario(PERMITS_JULY + "-no-firm-cap", "China permits from 2026-07-01 and the US lifts "
                        + "the 75k per-firm cap on the same day", () -> Record2026.permitsJulyAnd(PERMITS_JULY
                                + "-no-firm-cap", "2026-07-01", "licence.perFirmCap", "unlimited")),
                new NamedScenario(PERMITS_JULY + "-cap-0.25", "China permits from 2026-07-01 and the US tightens "
                        + "the cap ratio to 0.25 from 2026-09-01", () -> Record2026.permitsJulyAnd(PERMITS_JULY
                                + "-cap-0.25", "2026-09-01", "cap.ratio", "0.25")),
                new NamedScenario(PERMITS_JULY + "-lab-x2", "China permits from 2026-07-01 and the US lab doubles "
                        + "its lines (4 to 8) from 2026-07-01", () -> Record2026.permitsJulyAnd(PERMITS_JULY
                                + "-lab-x2", "2026-07-01", "lab.lines", "8")),
                new NamedScenario(ORDERS_PLACED, "Conditions final after the NDRC delay, 60% of approvals "
                        + "converted: deliveries per firm through 2026-12-31", NamedScenarios::ordersPlaced),
                new NamedScenario(STRESS, "Load test: 300 firms, 3 million 8-GPU shipments (slow; for "
                        + "benchmarks)", NamedScenarios::stress))) {
            m.put(s.name(), s);
        }
        return m;
    }

    private static Map<String, PolicySweep> sweepIndex() {
        Map<String, PolicySweep> m = new LinkedHashMap<>();
        for (PolicySweep p : List.of(
                new PolicySweep("cap-ratio", "Export cap ratio 0 to 1 (China units per US end-user unit)",
                        ORDERS_PLACED, "cap.ratio", "cap ratio (China units / US units)",
                        PolicySweep.plain("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1")),
                new PolicySweep("lab-lines", "Parallel lines at the US test lab, 1 to 20", ORDERS_PLACED,
                        "lab.lines", "test lab lines (lots tested at once)",
                        PolicySweep.plain("1", "2", "4", "6", "8", "12", "16", "20")),
                new PolicySweep("domestic-ratio", "Domestic chips a firm must buy per H200, 0 to 2", ORDERS_PLACED,
                        "domestic.ratio", "domestic chips per imported H200",
                        PolicySweep.plain("0", "0.25", "0.5", "0.75", "1", "1.25", "1.5", "1.75", "2")),
                new PolicySweep("customs-block", "An extra customs block from 2026-06-01 lasting 0 to 90 days "
                        + "(January block kept)", ORDERS_PLACED, "customs.blocks",
                        "extra customs block from 2026-06-01 (days)", customsBlockValues(0, 15, 30, 60, 90)),
                new PolicySweep("production-restart", "Nvidia output for China restarting in Q2, Q3, Q4 or "
                        + "never", ORDERS_PLACED, "supply.productionStart", "Nvidia production restart",
                        List.of(new PolicySweep.Value("Q2", "2026-04-01"), new PolicySweep.Value("Q3", "2026-07-01"),
                                new PolicySweep.Value("Q4", "2026-10-01"),
                                new PolicySweep.Value("never", "never"))),
                new PolicySweep("per-firm-cap", "The 75k per-firm US licence cap on and off", ORDERS_PLACED,
                        "licence.perFirmCap", "US per-firm cap (units)",
                        List.of(new PolicySweep.Value("75000", "75000"),
                                new PolicySweep.Value("unlimited", "unlimited"))))) {
            m.put(p.name(), p);
        }
        return m;
    }

    /**
     * The values of the customs-block sweep: the base scenario's blocks (the January block) plus, for a length above
     * zero, a block from {@link #EXTRA_BLOCK_START} covering that many days.
     */
    static List<PolicySweep.Value> customsBlockValues(int... days) {
        String january = Knobs.get(ordersPlaced(), "customs.blocks");
        List<PolicySweep.Value> values = new ArrayList<>();
        for (int d : days) {
            String text = d == 0 ? january
                    : (january.equals("none") ? "" : january + ", ")
                            + new DateWindow(EXTRA_BLOCK_START, EXTRA_BLOCK_START.plusDays(d - 1L));
            values.add(new PolicySweep.Value(Integer.toString(d), text));
        }
        return values;
    }

    /** @return the named scenarios, in the order {@code chipflow list} shows them */
    public static List<NamedScenario> scenarios() {
        return List.copyOf(SCENARIOS.values());
    }

    /** @return the named policy sweeps, in the order {@code chipflow list} shows them */
    public static List<PolicySweep> sweeps() {
        return List.copyOf(SWEEPS.values());
    }

    /**
     * @param name a scenario name
     * @return the scenario, if there is one of that name
     */
    public static Optional<Scenario> find(String name) {
        NamedScenario s = SCENARIOS.get(name);
        return s == null ? Optional.empty() : Optional.of(s.scenario());
    }

    /**
     * @param name a scenario name
     * @return the scenario
     * @throws IllegalArgumentException naming the known scenarios if there is none of that name
     */
    public static Scenario get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name
                + "'; known scenarios: " + String.join(", ", SCENARIOS.keySet())
                + " (or a scenario file with --file)"));
    }

    /**
     * @param name a sweep name
     * @return the sweep, if there is one of that name
     */
    public static Optional<PolicySweep> sweep(String name) {
        return Optional.ofNullable(SWEEPS.get(name));
    }

    /** @return the names of the scenarios */
    public static List<String> scenarioNames() {
        return List.copyOf(SCENARIOS.keySet());
    }

    /** @return the names of the sweeps */
    public static List<String> sweepNames() {
        return List.copyOf(SWEEPS.keySet());
    }
}
