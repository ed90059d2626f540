package dev.chipflow.supply;

import dev.chipflow.random.Distribution;

/**
 * The third-party test in a US lab (knobs {@code lab.*}).
 *
 * @param required     whether every shipment is tested in a US lab
 * @param lines        parallel test lines; {@link Integer#MAX_VALUE} for unlimited
 * @param baseDays     test duration per lot, fixed part
 * @param daysPerUnit  test duration added per unit in the lot (drawn once per test)
 * @param lotUnits     units the lab tests together at most (one lot per line)
 * @param failureShare share of tests failed (the lot is tested again)
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record LabRules(boolean required, int lines, Distribution baseDays, Distribution daysPerUnit, int lotUnits,
        double failureShare) implements java.io.Serializable {

    /**
     * Validates each knob; see {@link Knobs} for the ranges.
     *
     * @param required whether every shipment is tested in a US lab
     * @param lines parallel test lines; {@link Integer#MAX_VALUE} for unlimited
     * @param baseDays test duration per lot, fixed part
     * @param daysPerUnit test duration added per unit in the lot (drawn once per test)
     * @param lotUnits units the lab tests together at most (one lot per line)
     * @param failureShare share of tests failed (the lot is tested again)
     */
    public LabRules {
        InvalidKnobException.range("lab.lines", lines, 1, Integer.MAX_VALUE);
        KnobChecks.duration("lab.baseDays", baseDays);
        if (daysPerUnit == null || !(daysPerUnit.mean() <= 1) || !(daysPerUnit.min() >= 0)) {
            throw new InvalidKnobException("lab.daysPerUnit", daysPerUnit == null ? "null" : daysPerUnit.spec(),
                    "a distribution of days per unit, never negative, with mean at most 1; " + Distribution.FORMS);
        }
        InvalidKnobException.range("lab.lotUnits", lotUnits, 1, 1_000_000_000L);
        InvalidKnobException.range("lab.failureShare", failureShare, 0, 0.95);
    }
}
