package dev.chipflow.report;

import dev.chipflow.supply.Compute;
import dev.chipflow.supply.Outputs;
import java.util.Locale;

/**
 * What each output name of the model means, in words, for the tables of the reports (the CSV files keep the names):
 * the output registry's description and unit, and what the compute units are.
 */
final class OutputNames {

    private static final String H20EQ = "H200 units times " + String.format(Locale.ROOT, "%.2f",
            Compute.H200_TPP / Compute.H20_TPP) + ", the ratio of their total processing performance (TPP "
            + Math.round(Compute.H200_TPP) + " vs " + Math.round(Compute.H20_TPP) + "), the measure of the US rules";
    private static final String PFLOPS = "dense BF16 compute delivered, in PFLOPS (" + Math.round(
            Compute.H200_BF16_TFLOPS) + " TFLOPS per H200)";

    private OutputNames() {
    }

    /**
     * @param name an output, e.g. {@code all.deliveredH20eq} or {@code system.capBindingShare}
     * @return what it means and its unit, from the output registry ({@link Outputs}), or the name when unknown
     */
    static String meaning(String name) {
        try {
            Outputs.Output o = Outputs.find(name);
            String d = o.description();
            return Character.toUpperCase(d.charAt(0)) + d.substring(1) + " (" + o.unit() + ")";
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** @return what H20-equivalents and PFLOPS are, for the notes under the tables */
    static String computeUnits() {
        return "H20-equivalents: " + H20EQ + ". PFLOPS: " + PFLOPS + ".";
    }
}
