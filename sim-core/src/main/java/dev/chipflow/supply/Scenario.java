package dev.chipflow.supply;

import dev.chipflow.random.Distribution;
import dev.chipflow.random.Fixed;
import dev.chipflow.random.Triangular;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that defines a run of the supply model: the firms, the rules of both countries, supply, the lab and the
 * border. Immutable; validated when built, each failure an {@link InvalidKnobException} naming the knob, the value and
 * the allowed range. {@link Knobs} lists every knob by its documented name with its unit, default, range and source.
 *
 * <p>Make one with {@link #builder()} (the defaults of docs/calibration.md) and copy one with a knob changed through
 * {@link #toBuilder()} or {@link Knobs#set(Scenario, String, String)}.
 *
 * @param name                       a name for reports
 * @param horizonEnd                 last simulated date (the run ends at the end of it)
 * @param firms                      the buyers, unique names
 * @param chinaClearance             in-principle clearance: no purchase order before this date
 * @param ndrcConditionDays          days from a conditional approval until its conditions are final
 * @param conditionsFinalize         false: conditions never become final (the record of 2026)
 * @param conversionShare            share of final approved units turned into purchase orders
 * @param conversionDays             days from conditions final to purchase order
 * @param domesticRatio              domestic chips a firm must buy per H200 ordered
 * @param domesticOutputPerYear      domestic (Ascend) chips produced per year, shared by all firms
 * @param domesticInitialStock       domestic chips available on day 0
 * @param inventoryUnits             Nvidia H200 inventory on day 0
 * @param productionStart            first date of new output for China; null means never
 * @param productionUnitsPerWeek     new output once running
 * @param productionHalts            windows with no output
 * @param allocation                 how supply is shared among firms
 * @param licencePolicyStart         US licence policy (and the cap's window) in force from
 * @param licenceScope               per firm or per order
 * @param licenceReviewDays          end-to-end US review time
 * @param licenceApprovalProbability chance a review grants the licence (a refusal is resubmitted)
 * @param licencePerFirmCap          units licensed per firm at most; {@link Long#MAX_VALUE} for none
 * @param licenceTotalCeiling        units licensed to all firms at most; {@link Long#MAX_VALUE} for none
 * @param capRatio                   China shipments may not exceed this times US end-user shipments;
 *                                   {@link Double#POSITIVE_INFINITY} for no cap
 * @param capRollingDays             0 for a cumulative window since the policy start, else a rolling window of days
 * @param capSplit                   whether a shipment may be split to use the room left under the cap
 * @param usUnitsPerWeek             US end-user shipments, the cap's base
 * @param labRequired                whether every shipment is tested in a US lab
 * @param labLines                   parallel test lines; {@link Integer#MAX_VALUE} for unlimited
 * @param labBaseDays                test duration per shipment, fixed part
 * @param labDaysPerUnit             test duration added per unit in the lot (drawn once per test)
 * @param labLotUnits                units the lab tests together at most (one lot per line)
 * @param labFailureShare            share of tests failed (the shipment is tested again)
 * @param transitDays                transit from the US lab to China
 * @param customsClearanceDays       customs clearance once permitted
 * @param customsBlocks              windows in which nothing clears customs
 * @param shipmentUnits              units per shipment (orders are cut into shipments of this size)
 * @param priceUsd                   price per H200
 * @param usTakeShare                share of the value taken by the US
 * @param timeline                   dated changes of rule and rate knobs; {@link Timeline#NONE} for none
 */
public record Scenario(
        String name,
        LocalDate horizonEnd,
        List<Firm> firms,
        LocalDate chinaClearance,
        Distribution ndrcConditionDays,
        boolean conditionsFinalize,
        double conversionShare,
        Distribution conversionDays,
        double domesticRatio,
        double domesticOutputPerYear,
        double domesticInitialStock,
        long inventoryUnits,
        LocalDate productionStart,
        double productionUnitsPerWeek,
        List<DateWindow> productionHalts,
        AllocationPolicy allocation,
        LocalDate licencePolicyStart,
        LicenceScope licenceScope,
        Distribution licenceReviewDays,
        double licenceApprovalProbability,
        long licencePerFirmCap,
        long licenceTotalCeiling,
        double capRatio,
        int capRollingDays,
        boolean capSplit,
        long usUnitsPerWeek,
        boolean labRequired,
        int labLines,
        Distribution labBaseDays,
        Distribution labDaysPerUnit,
        int labLotUnits,
        double labFailureShare,
        Distribution transitDays,
        Distribution customsClearanceDays,
        List<DateWindow> customsBlocks,
        int shipmentUnits,
        double priceUsd,
        double usTakeShare,
        Timeline timeline) {

    /** The most units one quantity knob may hold: far above any world supply, far below overflow. */
    public static final long MAX_UNITS = 1_000_000_000_000L;

    /** Validates every knob; see {@link Knobs} for the ranges. */
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
        Calendar.check("china.clearance", chinaClearance);
        duration("ndrc.conditionDays", ndrcConditionDays);
        InvalidKnobException.range("china.conversionShare", conversionShare, 0, 1);
        duration("china.conversionDays", conversionDays);
        InvalidKnobException.range("domestic.ratio", domesticRatio, 0, 10);
        InvalidKnobException.range("domestic.outputPerYear", domesticOutputPerYear, 0, 1e10);
        InvalidKnobException.range("domestic.initialStock", domesticInitialStock, 0, 1e10);
        InvalidKnobException.range("supply.inventory", inventoryUnits, 0, MAX_UNITS);
        if (productionStart != null) {
            Calendar.check("supply.productionStart", productionStart);
        }
        InvalidKnobException.range("supply.productionPerWeek", productionUnitsPerWeek, 0, 1e9);
        productionHalts = windows("supply.halts", productionHalts);
        if (allocation == null) {
            throw new InvalidKnobException("supply.allocation", "null", "one of FCFS, PRO_RATA, PRIORITY");
        }
        Calendar.check("licence.policyStart", licencePolicyStart);
        if (licenceScope == null) {
            throw new InvalidKnobException("licence.scope", "null", "one of FIRM, ORDER");
        }
        duration("licence.reviewDays", licenceReviewDays);
        InvalidKnobException.range("licence.approvalProbability", licenceApprovalProbability, 0, 1);
        InvalidKnobException.range("licence.perFirmCap", licencePerFirmCap, 0, Long.MAX_VALUE);
        InvalidKnobException.range("licence.totalCeiling", licenceTotalCeiling, 0, Long.MAX_VALUE);
        if (capRatio != Double.POSITIVE_INFINITY) {
            InvalidKnobException.range("cap.ratio", capRatio, 0, 10);
        }
        InvalidKnobException.range("cap.rollingDays", capRollingDays, 0, 3650);
        InvalidKnobException.range("cap.usUnitsPerWeek", usUnitsPerWeek, 0, 1_000_000_000L);
        InvalidKnobException.range("lab.lines", labLines, 1, Integer.MAX_VALUE);
        duration("lab.baseDays", labBaseDays);
        if (labDaysPerUnit == null || labDaysPerUnit.mean() > 1) {
            throw new InvalidKnobException("lab.daysPerUnit", labDaysPerUnit == null ? "null" : labDaysPerUnit.spec(),
                    "a distribution of days per unit with mean at most 1; " + Distribution.FORMS);
        }
        InvalidKnobException.range("lab.lotUnits", labLotUnits, 1, 1_000_000_000L);
        InvalidKnobException.range("lab.failureShare", labFailureShare, 0, 0.95);
        duration("transit.days", transitDays);
        duration("customs.clearanceDays", customsClearanceDays);
        customsBlocks = windows("customs.blocks", customsBlocks);
        InvalidKnobException.range("shipment.units", shipmentUnits, 1, 10_000_000);
        InvalidKnobException.range("market.priceUsd", priceUsd, 0, 1e7);
        InvalidKnobException.range("market.usTakeShare", usTakeShare, 0, 1);
        timeline = timeline == null ? Timeline.NONE : timeline;
        if (!timeline.isEmpty()) {
            // Each change is checked against the rules in force on its date.
            timeline.steps(new Scenario(name, horizonEnd, firms, chinaClearance, ndrcConditionDays,
                    conditionsFinalize, conversionShare, conversionDays, domesticRatio, domesticOutputPerYear,
                    domesticInitialStock, inventoryUnits, productionStart, productionUnitsPerWeek, productionHalts,
                    allocation, licencePolicyStart, licenceScope, licenceReviewDays, licenceApprovalProbability,
                    licencePerFirmCap, licenceTotalCeiling, capRatio, capRollingDays, capSplit, usUnitsPerWeek,
                    labRequired, labLines, labBaseDays, labDaysPerUnit, labLotUnits, labFailureShare, transitDays,
                    customsClearanceDays, customsBlocks, shipmentUnits, priceUsd, usTakeShare, Timeline.NONE));
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

    private static void duration(String knob, Distribution d) {
        if (d == null) {
            throw new InvalidKnobException(knob, "null", "a distribution of days; " + Distribution.FORMS);
        }
        if (d.mean() > 3650) {
            throw new InvalidKnobException(knob, d.spec(), "a distribution of days with mean at most 3650");
        }
    }

    private static List<DateWindow> windows(String knob, List<DateWindow> w) {
        for (DateWindow d : w) {
            Calendar.check(knob, d.from());
            Calendar.check(knob, d.to());
        }
        return List.copyOf(w);
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
            chinaClearance = s.chinaClearance;
            ndrcConditionDays = s.ndrcConditionDays;
            conditionsFinalize = s.conditionsFinalize;
            conversionShare = s.conversionShare;
            conversionDays = s.conversionDays;
            domesticRatio = s.domesticRatio;
            domesticOutputPerYear = s.domesticOutputPerYear;
            domesticInitialStock = s.domesticInitialStock;
            inventoryUnits = s.inventoryUnits;
            productionStart = s.productionStart;
            productionUnitsPerWeek = s.productionUnitsPerWeek;
            productionHalts = s.productionHalts;
            allocation = s.allocation;
            licencePolicyStart = s.licencePolicyStart;
            licenceScope = s.licenceScope;
            licenceReviewDays = s.licenceReviewDays;
            licenceApprovalProbability = s.licenceApprovalProbability;
            licencePerFirmCap = s.licencePerFirmCap;
            licenceTotalCeiling = s.licenceTotalCeiling;
            capRatio = s.capRatio;
            capRollingDays = s.capRollingDays;
            capSplit = s.capSplit;
            usUnitsPerWeek = s.usUnitsPerWeek;
            labRequired = s.labRequired;
            labLines = s.labLines;
            labBaseDays = s.labBaseDays;
            labDaysPerUnit = s.labDaysPerUnit;
            labLotUnits = s.labLotUnits;
            labFailureShare = s.labFailureShare;
            transitDays = s.transitDays;
            customsClearanceDays = s.customsClearanceDays;
            customsBlocks = s.customsBlocks;
            shipmentUnits = s.shipmentUnits;
            priceUsd = s.priceUsd;
            usTakeShare = s.usTakeShare;
            timeline = s.timeline;
        }

        /** @return the validated scenario */
        public Scenario build() {
            return new Scenario(name, horizonEnd, firms, chinaClearance, ndrcConditionDays, conditionsFinalize,
                    conversionShare, conversionDays, domesticRatio, domesticOutputPerYear, domesticInitialStock,
                    inventoryUnits, productionStart, productionUnitsPerWeek, productionHalts, allocation,
                    licencePolicyStart, licenceScope, licenceReviewDays, licenceApprovalProbability,
                    licencePerFirmCap, licenceTotalCeiling, capRatio, capRollingDays, capSplit, usUnitsPerWeek,
                    labRequired, labLines, labBaseDays, labDaysPerUnit, labLotUnits, labFailureShare, transitDays,
                    customsClearanceDays, customsBlocks, shipmentUnits, priceUsd, usTakeShare, timeline);
        }

        /** @param v the dated changes (replacing any set before) */
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

        /** @param c one more dated change */
        public Builder change(PolicyChange c) {
            timeline = timeline.with(c);
            return this;
        }

        /** @param v a name for reports */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** @param v last simulated date */
        public Builder horizonEnd(LocalDate v) {
            horizonEnd = v;
            return this;
        }

        /** @param v the buyers */
        public Builder firms(List<Firm> v) {
            firms = v;
            return this;
        }

        /** Replaces the firm of the same name, or adds it. */
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

        /** @param v in-principle clearance date */
        public Builder chinaClearance(LocalDate v) {
            chinaClearance = v;
            return this;
        }

        /** @param v days until conditions are final */
        public Builder ndrcConditionDays(Distribution v) {
            ndrcConditionDays = v;
            return this;
        }

        /** @param v whether conditions ever become final */
        public Builder conditionsFinalize(boolean v) {
            conditionsFinalize = v;
            return this;
        }

        /** @param v share of approvals converted into purchase orders */
        public Builder conversionShare(double v) {
            conversionShare = v;
            return this;
        }

        /** @param v days from final conditions to purchase order */
        public Builder conversionDays(Distribution v) {
            conversionDays = v;
            return this;
        }

        /** @param v domestic chips per H200 */
        public Builder domesticRatio(double v) {
            domesticRatio = v;
            return this;
        }

        /** @param v domestic output, chips per year */
        public Builder domesticOutputPerYear(double v) {
            domesticOutputPerYear = v;
            return this;
        }

        /** @param v domestic chips available on day 0 */
        public Builder domesticInitialStock(double v) {
            domesticInitialStock = v;
            return this;
        }

        /** @param v Nvidia inventory on day 0, units */
        public Builder inventoryUnits(long v) {
            inventoryUnits = v;
            return this;
        }

        /** @param v first date of new output, null for never */
        public Builder productionStart(LocalDate v) {
            productionStart = v;
            return this;
        }

        /** @param v output once running, units per week */
        public Builder productionUnitsPerWeek(double v) {
            productionUnitsPerWeek = v;
            return this;
        }

        /** @param v windows without output */
        public Builder productionHalts(List<DateWindow> v) {
            productionHalts = v;
            return this;
        }

        /** @param v how supply is shared */
        public Builder allocation(AllocationPolicy v) {
            allocation = v;
            return this;
        }

        /** @param v US policy (and cap window) start */
        public Builder licencePolicyStart(LocalDate v) {
            licencePolicyStart = v;
            return this;
        }

        /** @param v per firm or per order */
        public Builder licenceScope(LicenceScope v) {
            licenceScope = v;
            return this;
        }

        /** @param v review time, days */
        public Builder licenceReviewDays(Distribution v) {
            licenceReviewDays = v;
            return this;
        }

        /** @param v chance a review grants the licence */
        public Builder licenceApprovalProbability(double v) {
            licenceApprovalProbability = v;
            return this;
        }

        /** @param v units per firm at most, {@link Long#MAX_VALUE} for none */
        public Builder licencePerFirmCap(long v) {
            licencePerFirmCap = v;
            return this;
        }

        /** @param v units for all firms at most, {@link Long#MAX_VALUE} for none */
        public Builder licenceTotalCeiling(long v) {
            licenceTotalCeiling = v;
            return this;
        }

        /** @param v China / US shipment ratio */
        public Builder capRatio(double v) {
            capRatio = v;
            return this;
        }

        /** @param v 0 for cumulative, else rolling window in days */
        public Builder capRollingDays(int v) {
            capRollingDays = v;
            return this;
        }

        /** @param v whether shipments may be split at the cap */
        public Builder capSplit(boolean v) {
            capSplit = v;
            return this;
        }

        /** @param v US end-user shipments per week */
        public Builder usUnitsPerWeek(long v) {
            usUnitsPerWeek = v;
            return this;
        }

        /** @param v whether the third-party test is required */
        public Builder labRequired(boolean v) {
            labRequired = v;
            return this;
        }

        /** @param v parallel test lines, {@link Integer#MAX_VALUE} for unlimited */
        public Builder labLines(int v) {
            labLines = v;
            return this;
        }

        /** @param v fixed part of a test, days */
        public Builder labBaseDays(Distribution v) {
            labBaseDays = v;
            return this;
        }

        /** @param v test days added per unit of a lot, drawn once per test */
        public Builder labDaysPerUnit(Distribution v) {
            labDaysPerUnit = v;
            return this;
        }

        /** @param v units the lab tests together at most */
        public Builder labLotUnits(int v) {
            labLotUnits = v;
            return this;
        }

        /** @param v share of tests failed */
        public Builder labFailureShare(double v) {
            labFailureShare = v;
            return this;
        }

        /** @param v transit days */
        public Builder transitDays(Distribution v) {
            transitDays = v;
            return this;
        }

        /** @param v customs clearance days */
        public Builder customsClearanceDays(Distribution v) {
            customsClearanceDays = v;
            return this;
        }

        /** @param v customs block windows */
        public Builder customsBlocks(List<DateWindow> v) {
            customsBlocks = v;
            return this;
        }

        /** @param v units per shipment */
        public Builder shipmentUnits(int v) {
            shipmentUnits = v;
            return this;
        }

        /** @param v price per H200, USD */
        public Builder priceUsd(double v) {
            priceUsd = v;
            return this;
        }

        /** @param v US take share */
        public Builder usTakeShare(double v) {
            usTakeShare = v;
            return this;
        }

        /** Sets every delay to zero (a limiting case). */
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
