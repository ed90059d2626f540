package dev.chipflow.supply;

import java.time.LocalDate;

/**
 * Values sampled at the end of each simulated day (index {@code d} is the end of date {@code EPOCH + d}: the last
 * instant before midnight), so memory grows with the horizon in days, never with the number of events.
 *
 * @param days              number of days sampled
 * @param deliveredByFirm   per firm (scenario order), cumulative units delivered
 * @param capHeadroom       ratio x US - China in the cap's window, units
 * @param labQueue          shipments waiting for a lab line
 * @param labBusy           lab lines busy
 * @param inventory         Nvidia inventory, units
 * @param chinaShipped      cumulative units released under the cap
 * @param usShipped         cumulative US end-user units since the policy start
 */
public record DailySeries(int days, double[][] deliveredByFirm, double[] capHeadroom, double[] labQueue,
        double[] labBusy, double[] inventory, double[] chinaShipped, double[] usShipped) {

    /** @return the date of index {@code d} */
    public LocalDate date(int d) {
        return Calendar.EPOCH.plusDays(d);
    }
}
