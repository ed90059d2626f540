package dev.chipflow.supply;

import java.time.LocalDate;
import java.util.List;

/**
 * Nvidia's supply for China: the inventory, new output and its halts, and how it is shared among firms (knobs
 * {@code supply.*}).
 *
 * @param inventoryUnits         Nvidia H200 inventory on day 0
 * @param productionStart        first date of new output for China; null means never
 * @param productionUnitsPerWeek new output once running
 * @param productionHalts        windows with no output
 * @param allocation             how supply is shared among firms
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record SupplyRules(long inventoryUnits, LocalDate productionStart, double productionUnitsPerWeek,
        List<DateWindow> productionHalts, AllocationPolicy allocation) implements java.io.Serializable {

    /**
     * Validates each knob; see {@link Knobs} for the ranges.
     *
     * @param inventoryUnits Nvidia H200 inventory on day 0
     * @param productionStart first date of new output for China; null means never
     * @param productionUnitsPerWeek new output once running
     * @param productionHalts windows with no output
     * @param allocation how supply is shared among firms
     */
    public SupplyRules {
        InvalidKnobException.range("supply.inventory", inventoryUnits, 0, Scenario.MAX_UNITS);
        if (productionStart != null) {
            Calendar.check("supply.productionStart", productionStart);
        }
        InvalidKnobException.range("supply.productionPerWeek", productionUnitsPerWeek, 0, 1e9);
        productionHalts = KnobChecks.windows("supply.halts", productionHalts);
        if (allocation == null) {
            throw new InvalidKnobException("supply.allocation", "null", "one of FCFS, PRO_RATA, PRIORITY");
        }
    }
}
