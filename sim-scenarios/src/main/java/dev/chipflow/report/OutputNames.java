package dev.chipflow.report;

import dev.chipflow.supply.Compute;
import java.util.Locale;
import java.util.Map;

/**
 * What each output name of the model means, in words, for the tables of the reports (the CSV files keep the names).
 * A per-firm output {@code FIRM.x} and the total {@code all.x} share the meaning of {@code x}.
 */
final class OutputNames {

    private static final String H20EQ = "H20-equivalents: H200 units times " + String.format(Locale.ROOT, "%.2f",
            Compute.H200_TPP / Compute.H20_TPP) + ", the ratio of their total processing performance (TPP "
            + Math.round(Compute.H200_TPP) + " vs " + Math.round(Compute.H20_TPP) + "), the measure of the US rules";
    private static final String PFLOPS = "dense BF16 compute delivered, in PFLOPS (" + Math.round(
            Compute.H200_BF16_TFLOPS) + " TFLOPS per H200)";

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("ordered", "H200 units ordered"),
            Map.entry("approved", "units China approved the firm to buy (at most its orders)"),
            Map.entry("converted", "approved units turned into purchase orders"),
            Map.entry("allocated", "units Nvidia allocated from inventory or output"),
            Map.entry("licensed", "units whose US licence was granted"),
            Map.entry("exported", "units released under the 50% cap and shipped from the US"),
            Map.entry("delivered", "units cleared by Chinese customs, by the end of the run"),
            Map.entry("deliveredH20eq", "units delivered, in " + H20EQ),
            Map.entry("deliveredPflops", PFLOPS),
            Map.entry("domesticChips", "domestic (Ascend) chips the firm bought to meet the quota"),
            Map.entry("leadTimeMeanDays", "mean days from order to delivery of the units delivered"),
            Map.entry("leadTimeP50Days", "median days from order to delivery"),
            Map.entry("leadTimeP90Days", "90th percentile of days from order to delivery"),
            Map.entry("inventoryEnd", "Nvidia H200 inventory for China at the end"),
            Map.entry("produced", "new H200 output for China over the run"),
            Map.entry("capHeadroomEnd", "room left under the 50% cap at the end (ratio x US shipments - China "
                    + "shipments), units"),
            Map.entry("capBindingShare", "share of the time (from the US policy's start) a licensed shipment waited "
                    + "at the 50% cap"),
            Map.entry("chinaShipped", "units released to China under the cap, in the cap's window at the end"),
            Map.entry("labMeanQueue", "shipments waiting for a test line, on average over the run"),
            Map.entry("labMeanWaitDays", "mean days a shipment waited for a test line"),
            Map.entry("labUtilisation", "busy test lines / lines, both averaged over the run"),
            Map.entry("domesticBought", "domestic (Ascend) chips bought by all firms to meet the quota"),
            Map.entry("revenueUsd", "value of the units exported, USD (units x price)"),
            Map.entry("usTakeUsd", "the US government's share of that value, USD"),
            Map.entry("importedPflops", PFLOPS + " by imported H200s"),
            Map.entry("domesticPflops", "dense BF16 compute of the domestic chips bought, in PFLOPS"));

    private OutputNames() {
    }

    /**
     * @param name an output, e.g. {@code all.deliveredH20eq} or {@code system.capBindingShare}
     * @return what it means, or the name itself when unknown
     */
    static String meaning(String name) {
        String part = name.substring(name.indexOf('.') + 1);
        String m = MEANINGS.get(part);
        if (m == null) {
            return name;
        }
        if (name.startsWith("all.")) {
            return "All firms: " + m;
        }
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
