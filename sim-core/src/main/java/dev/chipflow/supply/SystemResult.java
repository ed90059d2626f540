package dev.chipflow.supply;

/**
 * System-wide outputs of one replication.
 *
 * @param inventoryStart    Nvidia inventory on day 0
 * @param produced          units produced for China within the horizon
 * @param inventoryEnd      inventory left at the end
 * @param usShipped         US end-user units counted in the cap's window at the end (cumulative or rolling)
 * @param chinaShipped      units released under the cap, in the same window
 * @param capHeadroomEnd    ratio x US - China in the window at the end, in units
 * @param capBindingShare   share of the time since the policy start during which a shipment waited at the cap
 * @param labMeanQueue      time-average shipments waiting for a lab line
 * @param labMeanWaitDays   mean days a shipment waited for a lab line (per test, retests included)
 * @param labMeanBusyLines  time-average lines busy
 * @param labUtilisation    time-average busy lines / lines; NaN with unlimited lines
 * @param labTests          tests started
 * @param labFailures       tests failed
 * @param domesticProduced  domestic chips produced within the horizon (plus the initial stock)
 * @param domesticBought    domestic chips bought by the firms for the quota
 * @param revenueUsd        Nvidia's revenue from exported units
 * @param usTakeUsd         the US share of it
 * @param importedPflops    BF16 PFLOPS of H200 delivered
 * @param domesticPflops    BF16 PFLOPS of domestic chips bought
 * @param events            events the engine executed
 */
public record SystemResult(long inventoryStart, long produced, long inventoryEnd, double usShipped,
        double chinaShipped, double capHeadroomEnd, double capBindingShare, double labMeanQueue,
        double labMeanWaitDays, double labMeanBusyLines, double labUtilisation, long labTests, long labFailures,
        double domesticProduced, double domesticBought, double revenueUsd, double usTakeUsd, double importedPflops,
        double domesticPflops, long events) {
}
