package dev.chipflow.supply;

import java.util.Arrays;

/**
 * What one firm got in one replication. Counts are units (H200 chips) that reached at least that stage by the end of
 * the horizon: {@code ordered >= approved >= converted >= allocated >= licensed >= exported >= delivered}.
 *
 * @param name             the firm
 * @param ordered          units ordered
 * @param approved         units ordered and covered by a Chinese approval
 * @param converted        units turned into purchase orders (past the conversion stage)
 * @param allocated        units allocated from Nvidia supply
 * @param licensed         units covered by a US licence
 * @param exported         units that passed the US test and left for China
 * @param delivered        units delivered to the firm
 * @param domesticChips    domestic chips the firm bought to meet the quota
 * @param leadTimeMean     mean days from order to delivery of delivered units (unit-weighted); NaN if none
 * @param leadTimeP50      median lead time of delivered units, exact to the day; NaN if none
 * @param leadTimeP90      90th percentile lead time of delivered units, exact to the day; NaN if none
 * @param waitDays         per waiting stage ({@link Stage} ordinal), unit-days spent there divided by units ordered:
 *                         the average days an ordered unit spent in that stage within the horizon
 * @param attributedUnits  per waiting stage, units (delivered or not) whose longest wait was in that stage (ties: the
 *                         earlier stage)
 * @param unheldUnits      units that never waited a positive time in any stage (attributed to none)
 * @param unitsAtEnd       per stage including {@link Stage#DELIVERED}, where the firm's units are at the end
 */
public record FirmResult(String name, long ordered, long approved, long converted, long allocated, long licensed,
        long exported, long delivered, double domesticChips, double leadTimeMean, double leadTimeP50,
        double leadTimeP90, double[] waitDays, long[] attributedUnits, long unheldUnits, long[] unitsAtEnd) {

    /**
     * Copies the arrays.
     *
     * @param name the firm
     * @param ordered units ordered
     * @param approved units ordered and covered by a Chinese approval
     * @param converted units turned into purchase orders (past the conversion stage)
     * @param allocated units allocated from Nvidia supply
     * @param licensed units covered by a US licence
     * @param exported units that passed the US test and left for China
     * @param delivered units delivered to the firm
     * @param domesticChips domestic chips the firm bought to meet the quota
     * @param leadTimeMean mean days from order to delivery of delivered units (unit-weighted); NaN if none
     * @param leadTimeP50 median lead time of delivered units, exact to the day; NaN if none
     * @param leadTimeP90 90th percentile lead time of delivered units, exact to the day; NaN if none
     * @param waitDays per waiting stage ({@link Stage} ordinal), unit-days spent there divided by units ordered: the
     *        average days an ordered unit spent in that stage within the horizon
     * @param attributedUnits per waiting stage, units (delivered or not) whose longest wait was in that stage (ties:
     *        the earlier stage)
     * @param unheldUnits units that never waited a positive time in any stage (attributed to none)
     * @param unitsAtEnd per stage including {@link Stage#DELIVERED}, where the firm's units are at the end
     */
    public FirmResult {
        waitDays = waitDays.clone();
        attributedUnits = attributedUnits.clone();
        unitsAtEnd = unitsAtEnd.clone();
    }

    /** @return a copy of {@link #waitDays} as given at construction */
    @Override
    public double[] waitDays() {
        return waitDays.clone();
    }

    /** @return a copy of {@link #attributedUnits} as given at construction */
    @Override
    public long[] attributedUnits() {
        return attributedUnits.clone();
    }

    /** @return a copy of {@link #unitsAtEnd} as given at construction */
    @Override
    public long[] unitsAtEnd() {
        return unitsAtEnd.clone();
    }

    /** @return delivered units as H20 equivalents */
    public double deliveredH20Equivalents() {
        return Compute.h20Equivalents(delivered);
    }

    /** @return delivered BF16 compute, PFLOPS */
    public double deliveredPflops() {
        return Compute.h200Pflops(delivered);
    }

    /**
     * @return the stage that holds back most of the firm's units (largest attribution; ties: the earlier stage); null
     *         if no unit was attributed to any stage (none ordered, or all unheld: they never waited)
     */
    public Stage bindingStage() {
        int best = -1;
        for (int s = 0; s < attributedUnits.length; s++) {
            if (attributedUnits[s] > 0 && (best < 0 || attributedUnits[s] > attributedUnits[best])) {
                best = s;
            }
        }
        return best < 0 ? null : Stage.of(best);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirmResult f && name.equals(f.name) && ordered == f.ordered && approved == f.approved
                && converted == f.converted && allocated == f.allocated && licensed == f.licensed
                && exported == f.exported && delivered == f.delivered
                && Double.compare(domesticChips, f.domesticChips) == 0
                && Double.compare(leadTimeMean, f.leadTimeMean) == 0
                && Double.compare(leadTimeP50, f.leadTimeP50) == 0
                && Double.compare(leadTimeP90, f.leadTimeP90) == 0
                && Arrays.equals(waitDays, f.waitDays) && Arrays.equals(attributedUnits, f.attributedUnits)
                && unheldUnits == f.unheldUnits
                && Arrays.equals(unitsAtEnd, f.unitsAtEnd);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Long.hashCode(delivered) + Arrays.hashCode(attributedUnits);
    }

    @Override
    public String toString() {
        return name + "[ordered=" + ordered + ", approved=" + approved + ", converted=" + converted + ", allocated="
                + allocated + ", licensed=" + licensed + ", exported=" + exported + ", delivered=" + delivered + "]";
    }
}
