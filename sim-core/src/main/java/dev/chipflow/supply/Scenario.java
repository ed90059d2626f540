package dev.chipflow.supply;

import dev.chipflow.random.Distribution;
import dev.chipflow.random.Fixed;
import dev.chipflow.random.Triangular;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything that defines a run of the supply model: the firms, the rules of both countries, supply, the lab and the
 * border. Immutable; validated when built, each failure an {@link InvalidKnobException} naming the knob, the value and
 * the allowed range. {@link Knobs} lists every knob by its documented name with its unit, default, range and source.
 *
 * <p>Make one with {@link #builder()} (the defaults of docs/calibration.md) and copy one with a knob changed through
 * {@link #toBuilder()} or {@link Knobs#set(Scenario, String, String)}.
 *
 * <p>The knobs come in the groups a reader of the rules recognises: {@link ChinaRules China's rules},
 * {@link UsRules the US rules}, {@link SupplyRules Nvidia's supply}, {@link LabRules the lab},
 * {@link BorderRules the border}, {@link Market the market}, with the firms, and beside them the {@link Timeline} of
 * dated changes.
 *
 * @param name          a name for reports
 * @param horizonEnd    last simulated date (the run ends at the end of it)
 * @param firms         the buyers, unique names
 * @param china         China's rules: clearance, NDRC conditions, conversion, domestic quota
 * @param us            the US rules: licences and the 50% cap
 * @param supply        Nvidia's supply for China
 * @param lab           the third-party test
 * @param border        transit and Chinese customs
 * @param shipmentUnits units per shipment (orders are cut into shipments of this size)
 * @param market        prices, for revenue
 * @param timeline      dated changes of rule and rate knobs; {@link Timeline#NONE} for none
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Scenario(String name, LocalDate horizonEnd, List<Firm> firms, ChinaRules china, UsRules us,
        SupplyRules supply, LabRules lab, BorderRules border, int shipmentUnits, Market market, Timeline timeline) implements java.io.Serializable {

    /** The most units one quantity knob may hold: far above any world supply, far below overflow. */
    public static final long MAX_UNITS = 1_000_000_000_000L;

    /**
     * Validates every knob; see {@link Knobs} for the ranges.
     *
     * @param name a name for reports
     * @param horizonEnd last simulated date (the run ends at the end of it)
     * @param firms the buyers, unique names
     * @param china China's rules: clearance, NDRC conditions, conversion, domestic quota
     * @param us the US rules: licences and the 50% cap
     * @param supply Nvidia's supply for China
     * @param lab the third-party test
     * @param border transit and Chinese customs
     * @param shipmentUnits units per shipment (orders are cut into shipments of this size)
     * @param market prices, for revenue
     * @param timeline dated changes of rule and rate knobs; {@link Timeline#NONE} for none
     */
    public Scenario {
        if (name == null || name.isBlank()) {
            throw new InvalidKnobException("name", String.valueOf(name), "a non-empty name");
        }
        Calendar.check("horizon.end", horizonEnd);
        firms = List.copyOf(firms);
        Map<String, String> names = new HashMap<>();
        for (Firm f : firms) {
            // Names differing only in case would be one firm to a reader and two to the model.
            String same = names.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f.name());
            if (same != null) {
                throw new InvalidKnobException("firms", f.name(), "unique firm names, ignoring case; '" + f.name()
                        + "' repeats the firm '" + same + "'");
            }
            for (Order o : f.orders()) {
                String knob = "firm." + f.name() + ".orders";
                Calendar.check(knob, o.date().isBefore(Calendar.EPOCH) ? Calendar.EPOCH : o.date());
                InvalidKnobException.range(knob, o.units(), 1, MAX_UNITS);
                withinHorizon(knob, o.toString(), o.date(), horizonEnd);
            }
            for (Approval a : f.approvals()) {
                String knob = "firm." + f.name() + ".approvals";
                Calendar.check(knob, a.date());
                InvalidKnobException.range(knob, a.units(), 1, MAX_UNITS);
                withinHorizon(knob, a.toString(), a.date(), horizonEnd);
            }
        }
        if (china == null || us == null || supply == null || lab == null || border == null || market == null) {
            throw new InvalidKnobException("scenario", "null", "every group of rules (china, us, supply, lab, border, "
                    + "market)");
        }
        InvalidKnobException.range("shipment.units", shipmentUnits, 1, 10_000_000);
        timeline = timeline == null ? Timeline.NONE : timeline;
        if (!timeline.isEmpty()) {
            // Each change is checked against the rules in force on its date.
            timeline.steps(new Scenario(name, horizonEnd, firms, china, us, supply, lab, border, shipmentUnits, market,
                    Timeline.NONE));
        }
    }

    /** @return this scenario's knobs on the run's first day, with no dated change */
    public Scenario withoutTimeline() {
        return timeline.isEmpty() ? this : toBuilder().timeline(Timeline.NONE).build();
    }

    /** @return every dated change with the value in force before it and after it, in date order */
    public List<Timeline.Entry> timelineEntries() {
        return timeline.entries(withoutTimeline());
    }

    /** An order or approval after the horizon would never act: refuse it rather than drop it silently. */
    private static void withinHorizon(String knob, String item, LocalDate date, LocalDate horizonEnd) {
        if (date.isAfter(horizonEnd)) {
            throw new InvalidKnobException(knob, item, "dates up to horizon.end = " + horizonEnd
                    + " (move the date or set horizon.end later)");
        }
    }

    /**
     * The firms of another scenario that this one lacks, added with nothing ordered or approved (they get nothing,
     * and the run of the others is unchanged): two scenarios compared firm by firm need the same firms.
     *
     * @param other another scenario
     * @return this scenario with {@code other}'s extra firms appended, in their order
     */
    public Scenario withFirmsOf(Scenario other) {
        List<Firm> all = new ArrayList<>(firms);
        Set<String> known = new HashSet<>();
        firms.forEach(f -> known.add(f.name().toLowerCase(Locale.ROOT)));
        for (Firm f : other.firms) {
            if (known.add(f.name().toLowerCase(Locale.ROOT))) {
                all.add(new Firm(f.name(), List.of(), List.of(), f.priority()));
            }
        }
        return all.size() == firms.size() ? this : toBuilder().firms(all).build();
    }

    /** @return the day the run ends (the end of {@link #horizonEnd}) */
    public double horizonDays() {
        return Calendar.day(horizonEnd) + 1;
    }

    /**
     * @param firmName a firm's name
     * @return its index in {@link #firms()}
     * @throws InvalidKnobException naming the known firms if there is none of that name
     */
    public int firmIndex(String firmName) {
        for (int i = 0; i < firms.size(); i++) {
            if (firms.get(i).name().equals(firmName)) {
                return i;
            }
        }
        List<String> known = new ArrayList<>();
        firms.forEach(f -> known.add(f.name()));
        throw new InvalidKnobException("firm", firmName, "one of the scenario's firms " + known);
    }

    /** @return a builder with the defaults of docs/calibration.md and the default firms */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this scenario's knobs */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Reads an ISO date ({@code 2026-01-15}), naming the text if it is not one. */
    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date YYYY-MM-DD");
        }
    }

    /**
     * Builds a {@link Scenario}; starts from the defaults of docs/calibration.md with the conditions finalising and
     * orders converting (the {@code orders-placed} reading of 2026).
     */
    public static final class Builder {
        private String name = "default";
        private LocalDate horizonEnd = LocalDate.of(2026, 12, 31);
        private List<Firm> firms = DefaultFirms.all();
        private LocalDate chinaClearance = LocalDate.of(2026, 1, 24);
        private Distribution ndrcConditionDays = new Triangular(15, 30, 45);
        private boolean conditionsFinalize = true;
        private double conversionShare = 0.60;
        private Distribution conversionDays = new Triangular(7, 14, 21);
        private double domesticRatio = 1.0;
        private double domesticOutputPerYear = 600_000;
        private double domesticInitialStock = 0;
        private long inventoryUnits = 700_000;
        private LocalDate productionStart = LocalDate.of(2026, 4, 1);
        private double productionUnitsPerWeek = 25_000;
        private List<DateWindow> productionHalts = List.of(
                new DateWindow(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 17)));
        private AllocationPolicy allocation = AllocationPolicy.FCFS;
        private LocalDate licencePolicyStart = LocalDate.of(2026, 1, 15);
        private LicenceScope licenceScope = LicenceScope.FIRM;
        private Distribution licenceReviewDays = new Triangular(30, 60, 90);
        private double licenceApprovalProbability = 1.0;
        private long licencePerFirmCap = Long.MAX_VALUE;
        private long licenceTotalCeiling = 1_000_000;
        private double capRatio = 0.5;
        private int capRollingDays = 0;
        private boolean capSplit = false;
        private long usUnitsPerWeek = 20_000;
        private boolean labRequired = true;
        private int labLines = 4;
        private Distribution labBaseDays = new Triangular(7, 10, 13);
        private Distribution labDaysPerUnit = new Fixed(0);
        private int labLotUnits = 8_000;
        private double labFailureShare = 0.02;
        private Distribution transitDays = new Triangular(3, 5, 7);
        private Distribution customsClearanceDays = new Triangular(2, 4, 6);
        private List<DateWindow> customsBlocks = List.of(
                new DateWindow(LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 28)));
        private int shipmentUnits = 8_000;
        private double priceUsd = 27_000;
        private double usTakeShare = 0.25;
        private Timeline timeline = Timeline.NONE;

        private Builder() {
        }

        private Builder(Scenario s) {
            name = s.name;
            horizonEnd = s.horizonEnd;
            firms = s.firms;
            china(s.china);
            us(s.us);
            supply(s.supply);
            lab(s.lab);
            border(s.border);
            market(s.market);
            shipmentUnits = s.shipmentUnits;
            timeline = s.timeline;
        }

        /** @return the validated scenario */
        public Scenario build() {
            return new Scenario(name, horizonEnd, firms,
                    new ChinaRules(chinaClearance, ndrcConditionDays, conditionsFinalize, conversionShare,
                            conversionDays, domesticRatio, domesticOutputPerYear, domesticInitialStock),
                    new UsRules(licencePolicyStart, licenceScope, licenceReviewDays, licenceApprovalProbability,
                            licencePerFirmCap, licenceTotalCeiling, capRatio, capRollingDays, capSplit, usUnitsPerWeek),
                    new SupplyRules(inventoryUnits, productionStart, productionUnitsPerWeek, productionHalts,
                            allocation),
                    new LabRules(labRequired, labLines, labBaseDays, labDaysPerUnit, labLotUnits, labFailureShare),
                    new BorderRules(transitDays, customsClearanceDays, customsBlocks), shipmentUnits,
                    new Market(priceUsd, usTakeShare), timeline);
        }

        /**
         * @param v China's rules, all at once
         * @return this builder
         */
        public Builder china(ChinaRules v) {
            chinaClearance = v.clearance();
            ndrcConditionDays = v.ndrcConditionDays();
            conditionsFinalize = v.conditionsFinalize();
            conversionShare = v.conversionShare();
            conversionDays = v.conversionDays();
            domesticRatio = v.domesticRatio();
            domesticOutputPerYear = v.domesticOutputPerYear();
            domesticInitialStock = v.domesticInitialStock();
            return this;
        }

        /**
         * @param v the US rules, all at once
         * @return this builder
         */
        public Builder us(UsRules v) {
            licencePolicyStart = v.policyStart();
            licenceScope = v.licenceScope();
            licenceReviewDays = v.reviewDays();
            licenceApprovalProbability = v.approvalProbability();
            licencePerFirmCap = v.perFirmCap();
            licenceTotalCeiling = v.totalCeiling();
            capRatio = v.capRatio();
            capRollingDays = v.capRollingDays();
            capSplit = v.capSplit();
            usUnitsPerWeek = v.usUnitsPerWeek();
            return this;
        }

        /**
         * @param v Nvidia's supply, all at once
         * @return this builder
         */
        public Builder supply(SupplyRules v) {
            inventoryUnits = v.inventoryUnits();
            productionStart = v.productionStart();
            productionUnitsPerWeek = v.productionUnitsPerWeek();
            productionHalts = v.productionHalts();
            allocation = v.allocation();
            return this;
        }

        /**
         * @param v the lab, all at once
         * @return this builder
         */
        public Builder lab(LabRules v) {
            labRequired = v.required();
            labLines = v.lines();
            labBaseDays = v.baseDays();
            labDaysPerUnit = v.daysPerUnit();
            labLotUnits = v.lotUnits();
            labFailureShare = v.failureShare();
            return this;
        }

        /**
         * @param v the border, all at once
         * @return this builder
         */
        public Builder border(BorderRules v) {
            transitDays = v.transitDays();
            customsClearanceDays = v.clearanceDays();
            customsBlocks = v.customsBlocks();
            return this;
        }

        /**
         * @param v the market, all at once
         * @return this builder
         */
        public Builder market(Market v) {
            priceUsd = v.priceUsd();
            usTakeShare = v.usTakeShare();
            return this;
        }

        /**
         * @param v the dated changes (replacing any set before)
         * @return this builder
         */
        public Builder timeline(Timeline v) {
            timeline = v;
            return this;
        }

        /**
         * Adds a dated change: from the start of {@code date}, {@code knob} takes {@code value}.
         *
         * @param date  the first day of the new value
         * @param knob  a knob that can change mid-run ({@link Knob#changesMidRun()})
         * @param value the value as {@code --set} writes it, e.g. {@code "0.25"}
         * @return this builder
         */
        public Builder change(LocalDate date, String knob, String value) {
            return change(new PolicyChange(date, knob, value));
        }

        /**
         * @param c one more dated change
         * @return this builder
         */
        public Builder change(PolicyChange c) {
            timeline = timeline.with(c);
            return this;
        }

        /**
         * @param v a name for reports
         * @return this builder
         */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /**
         * @param v last simulated date
         * @return this builder
         */
        public Builder horizonEnd(LocalDate v) {
            horizonEnd = v;
            return this;
        }

        /**
         * @param v the buyers
         * @return this builder
         */
        public Builder firms(List<Firm> v) {
            firms = v;
            return this;
        }

        /**
         * Replaces the firm of the same name, or adds it.
         *
         * @param f the firm
         * @return this builder
         */
        public Builder firm(Firm f) {
            List<Firm> copy = new ArrayList<>(firms);
            int at = -1;
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).name().equals(f.name())) {
                    at = i;
                }
            }
            if (at >= 0) {
                copy.set(at, f);
            } else {
                copy.add(f);
            }
            firms = copy;
            return this;
        }

        /**
         * @param v in-principle clearance date
         * @return this builder
         */
        public Builder chinaClearance(LocalDate v) {
            chinaClearance = v;
            return this;
        }

        /**
         * @param v days until conditions are final
         * @return this builder
         */
        public Builder ndrcConditionDays(Distribution v) {
            ndrcConditionDays = v;
            return this;
        }

        /**
         * @param v whether conditions ever become final
         * @return this builder
         */
        public Builder conditionsFinalize(boolean v) {
            conditionsFinalize = v;
            return this;
        }

        /**
         * @param v share of approvals converted into purchase orders
         * @return this builder
         */
        public Builder conversionShare(double v) {
            conversionShare = v;
            return this;
        }

        /**
         * @param v days from final conditions to purchase order
         * @return this builder
         */
        public Builder conversionDays(Distribution v) {
            conversionDays = v;
            return this;
        }

        /**
         * @param v domestic chips per H200
         * @return this builder
         */
        public Builder domesticRatio(double v) {
            domesticRatio = v;
            return this;
        }

        /**
         * @param v domestic output, chips per year
         * @return this builder
         */
        public Builder domesticOutputPerYear(double v) {
            domesticOutputPerYear = v;
            return this;
        }

        /**
         * @param v domestic chips available on day 0
         * @return this builder
         */
        public Builder domesticInitialStock(double v) {
            domesticInitialStock = v;
            return this;
        }

        /**
         * @param v Nvidia inventory on day 0, units
         * @return this builder
         */
        public Builder inventoryUnits(long v) {
            inventoryUnits = v;
            return this;
        }

        /**
         * @param v first date of new output, null for never
         * @return this builder
         */
        public Builder productionStart(LocalDate v) {
            productionStart = v;
            return this;
        }

        /**
         * @param v output once running, units per week
         * @return this builder
         */
        public Builder productionUnitsPerWeek(double v) {
            productionUnitsPerWeek = v;
            return this;
        }

        /**
         * @param v windows without output
         * @return this builder
         */
        public Builder productionHalts(List<DateWindow> v) {
            productionHalts = v;
            return this;
        }

        /**
         * @param v how supply is shared
         * @return this builder
         */
        public Builder allocation(AllocationPolicy v) {
            allocation = v;
            return this;
        }

        /**
         * @param v US policy (and cap window) start
         * @return this builder
         */
        public Builder licencePolicyStart(LocalDate v) {
            licencePolicyStart = v;
            return this;
        }

        /**
         * @param v per firm or per order
         * @return this builder
         */
        public Builder licenceScope(LicenceScope v) {
            licenceScope = v;
            return this;
        }

        /**
         * @param v review time, days
         * @return this builder
         */
        public Builder licenceReviewDays(Distribution v) {
            licenceReviewDays = v;
            return this;
        }

        /**
         * @param v chance a review grants the licence
         * @return this builder
         */
        public Builder licenceApprovalProbability(double v) {
            licenceApprovalProbability = v;
            return this;
        }

        /**
         * @param v units per firm at most, {@link Long#MAX_VALUE} for none
         * @return this builder
         */
        public Builder licencePerFirmCap(long v) {
            licencePerFirmCap = v;
            return this;
        }

        /**
         * @param v units for all firms at most, {@link Long#MAX_VALUE} for none
         * @return this builder
         */
        public Builder licenceTotalCeiling(long v) {
            licenceTotalCeiling = v;
            return this;
        }

        /**
         * @param v China / US shipment ratio
         * @return this builder
         */
        public Builder capRatio(double v) {
            capRatio = v;
            return this;
        }

        /**
         * @param v 0 for cumulative, else rolling window in days
         * @return this builder
         */
        public Builder capRollingDays(int v) {
            capRollingDays = v;
            return this;
        }

        /**
         * @param v whether shipments may be split at the cap
         * @return this builder
         */
        public Builder capSplit(boolean v) {
            capSplit = v;
            return this;
        }

        /**
         * @param v US end-user shipments per week
         * @return this builder
         */
        public Builder usUnitsPerWeek(long v) {
            usUnitsPerWeek = v;
            return this;
        }

        /**
         * @param v whether the third-party test is required
         * @return this builder
         */
        public Builder labRequired(boolean v) {
            labRequired = v;
            return this;
        }

        /**
         * @param v parallel test lines, {@link Integer#MAX_VALUE} for unlimited
         * @return this builder
         */
        public Builder labLines(int v) {
            labLines = v;
            return this;
        }

        /**
         * @param v fixed part of a test, days
         * @return this builder
         */
        public Builder labBaseDays(Distribution v) {
            labBaseDays = v;
            return this;
        }

        /**
         * @param v test days added per unit of a lot, drawn once per test
         * @return this builder
         */
        public Builder labDaysPerUnit(Distribution v) {
            labDaysPerUnit = v;
            return this;
        }

        /**
         * @param v units the lab tests together at most
         * @return this builder
         */
        public Builder labLotUnits(int v) {
            labLotUnits = v;
            return this;
        }

        /**
         * @param v share of tests failed
         * @return this builder
         */
        public Builder labFailureShare(double v) {
            labFailureShare = v;
            return this;
        }

        /**
         * @param v transit days
         * @return this builder
         */
        public Builder transitDays(Distribution v) {
            transitDays = v;
            return this;
        }

        /**
         * @param v customs clearance days
         * @return this builder
         */
        public Builder customsClearanceDays(Distribution v) {
            customsClearanceDays = v;
            return this;
        }

        /**
         * @param v customs block windows
         * @return this builder
         */
        public Builder customsBlocks(List<DateWindow> v) {
            customsBlocks = v;
            return this;
        }

        /**
         * @param v units per shipment
         * @return this builder
         */
        public Builder shipmentUnits(int v) {
            shipmentUnits = v;
            return this;
        }

        /**
         * @param v price per H200, USD
         * @return this builder
         */
        public Builder priceUsd(double v) {
            priceUsd = v;
            return this;
        }

        /**
         * @param v US take share
         * @return this builder
         */
        public Builder usTakeShare(double v) {
            usTakeShare = v;
            return this;
        }

        /**
         * Sets every delay to zero (a limiting case).
         *
         * @return this builder
         */
        public Builder noDelays() {
            Fixed zero = new Fixed(0);
            ndrcConditionDays = zero;
            conversionDays = zero;
            licenceReviewDays = zero;
            labBaseDays = zero;
            labDaysPerUnit = zero;
            transitDays = zero;
            customsClearanceDays = zero;
            return this;
        }
    }
}
