package dev.chipflow.supply;

import dev.chipflow.random.Distribution;
import java.util.List;

/**
 * Transit to China and Chinese customs (knobs {@code transit.days}, {@code customs.*}).
 *
 * @param transitDays   transit from the US lab to China
 * @param clearanceDays customs clearance once permitted
 * @param customsBlocks windows in which nothing clears customs
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record BorderRules(Distribution transitDays, Distribution clearanceDays, List<DateWindow> customsBlocks) implements java.io.Serializable {

    /**
     * Validates each knob; see {@link Knobs} for the ranges.
     *
     * @param transitDays transit from the US lab to China
     * @param clearanceDays customs clearance once permitted
     * @param customsBlocks windows in which nothing clears customs
     */
    public BorderRules {
        KnobChecks.duration("transit.days", transitDays);
        KnobChecks.duration("customs.clearanceDays", clearanceDays);
        customsBlocks = KnobChecks.windows("customs.blocks", customsBlocks);
    }
}
