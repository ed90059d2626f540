package dev.chipflow.supply;

import dev.chipflow.random.Distribution;
import java.time.LocalDate;

/**
 * The US rules: licences (review, refusals, per-firm cap, total ceiling) and the 50% cap on China shipments against
 * US end-user shipments (knobs {@code licence.*}, {@code cap.*}).
 *
 * @param policyStart         US licence policy (and the cap's window) in force from
 * @param licenceScope        one licence per firm or per order
 * @param reviewDays          end-to-end US review time
 * @param approvalProbability chance a review grants the licence (a refusal is resubmitted)
 * @param perFirmCap          units licensed per firm at most; {@link Long#MAX_VALUE} for none
 * @param totalCeiling        units licensed to all firms at most; {@link Long#MAX_VALUE} for none
 * @param capRatio            China shipments may not exceed this times US end-user shipments;
 *                            {@link Double#POSITIVE_INFINITY} for no cap
 * @param capRollingDays      0 for a cumulative window since the policy start, else a rolling window of days
 * @param capSplit            whether a shipment may be split to use the room left under the cap
 * @param usUnitsPerWeek      US end-user shipments, the cap's base
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record UsRules(LocalDate policyStart, LicenceScope licenceScope, Distribution reviewDays,
        double approvalProbability, long perFirmCap, long totalCeiling, double capRatio, int capRollingDays,
        boolean capSplit, long usUnitsPerWeek) implements java.io.Serializable {

    /**
     * Validates each knob; see {@link Knobs} for the ranges.
     *
     * @param policyStart US licence policy (and the cap's window) in force from
     * @param licenceScope one licence per firm or per order
     * @param reviewDays end-to-end US review time
     * @param approvalProbability chance a review grants the licence (a refusal is resubmitted)
     * @param perFirmCap units licensed per firm at most; {@link Long#MAX_VALUE} for none
     * @param totalCeiling units licensed to all firms at most; {@link Long#MAX_VALUE} for none
     * @param capRatio China shipments may not exceed this times US end-user shipments; {@link Double#POSITIVE_INFINITY}
     *        for no cap
     * @param capRollingDays 0 for a cumulative window since the policy start, else a rolling window of days
     * @param capSplit whether a shipment may be split to use the room left under the cap
     * @param usUnitsPerWeek US end-user shipments, the cap's base
     */
    public UsRules {
        Calendar.check("licence.policyStart", policyStart);
        if (licenceScope == null) {
            throw new InvalidKnobException("licence.scope", "null", "one of FIRM, ORDER");
        }
        KnobChecks.duration("licence.reviewDays", reviewDays);
        InvalidKnobException.range("licence.approvalProbability", approvalProbability, 0, 1);
        InvalidKnobException.range("licence.perFirmCap", perFirmCap, 0, Long.MAX_VALUE);
        InvalidKnobException.range("licence.totalCeiling", totalCeiling, 0, Long.MAX_VALUE);
        if (capRatio != Double.POSITIVE_INFINITY) {
            InvalidKnobException.range("cap.ratio", capRatio, 0, 10);
        }
        InvalidKnobException.range("cap.rollingDays", capRollingDays, 0, 3650);
        InvalidKnobException.range("cap.usUnitsPerWeek", usUnitsPerWeek, 0, 1_000_000_000L);
    }
}
