package dev.chipflow.supply;

import dev.chipflow.random.Distribution;
import java.time.LocalDate;

/**
 * China's rules: the in-principle clearance, the NDRC's conditions on approvals, the conversion of approved units into
 * purchase orders and the domestic-chip quota (knobs {@code china.*}, {@code ndrc.*}, {@code domestic.*}).
 *
 * @param clearance             in-principle clearance: no purchase order before this date
 * @param ndrcConditionDays     days from a conditional approval until its conditions are final
 * @param conditionsFinalize    false: conditions never become final (the record of 2026)
 * @param conversionShare       share of final approved units turned into purchase orders
 * @param conversionDays        days from conditions final to purchase order
 * @param domesticRatio         domestic chips a firm must buy per H200 ordered
 * @param domesticOutputPerYear domestic (Ascend) chips produced per year, shared by all firms
 * @param domesticInitialStock  domestic chips available on day 0
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record ChinaRules(LocalDate clearance, Distribution ndrcConditionDays, boolean conditionsFinalize,
        double conversionShare, Distribution conversionDays, double domesticRatio, double domesticOutputPerYear,
        double domesticInitialStock) implements java.io.Serializable {

    /**
     * Validates each knob; see {@link Knobs} for the ranges.
     *
     * @param clearance in-principle clearance: no purchase order before this date
     * @param ndrcConditionDays days from a conditional approval until its conditions are final
     * @param conditionsFinalize false: conditions never become final (the record of 2026)
     * @param conversionShare share of final approved units turned into purchase orders
     * @param conversionDays days from conditions final to purchase order
     * @param domesticRatio domestic chips a firm must buy per H200 ordered
     * @param domesticOutputPerYear domestic (Ascend) chips produced per year, shared by all firms
     * @param domesticInitialStock domestic chips available on day 0
     */
    public ChinaRules {
        Calendar.check("china.clearance", clearance);
        KnobChecks.duration("ndrc.conditionDays", ndrcConditionDays);
        InvalidKnobException.range("china.conversionShare", conversionShare, 0, 1);
        KnobChecks.duration("china.conversionDays", conversionDays);
        InvalidKnobException.range("domestic.ratio", domesticRatio, 0, 10);
        InvalidKnobException.range("domestic.outputPerYear", domesticOutputPerYear, 0, 1e10);
        InvalidKnobException.range("domestic.initialStock", domesticInitialStock, 0, 1e10);
    }
}
