package dev.chipflow.supply;

import java.time.LocalDate;

/**
 * Values sampled at the end of each simulated day (index {@code d} is the end of date {@code EPOCH + d}: the last
 * instant before midnight), so memory grows with the horizon in days, never with the number of events.
 *
 * @param days              number of days sampled
 * @param deliveredByFirm   per firm (scenario order), cumulative units delivered
 * @param capHeadroom       ratio x US - China in the cap's window ending then, units; under a rolling window it can
 *                          be negative between releases (see the cap rule in the model's documentation)
 * @param labQueue          shipments waiting for a lab line
 * @param labBusy           lab lines busy
 * @param inventory         Nvidia inventory, units
 * @param chinaShipped      cumulative units released under the cap
 * @param usShipped         cumulative US end-user units since the policy start
 * @param chinaInWindow     units released to China inside the cap's window ending then
 * @param usInWindow        US end-user units inside the cap's window ending then
 */
public record DailySeries(int days, double[][] deliveredByFirm, double[] capHeadroom, double[] labQueue,
        double[] labBusy, double[] inventory, double[] chinaShipped, double[] usShipped, double[] chinaInWindow,
        double[] usInWindow) {

    /**
     * @param d a day index of the series, from 0
     * @return the date of index {@code d}
     */
    public LocalDate date(int d) {
        return Calendar.EPOCH.plusDays(d);
    }
}
