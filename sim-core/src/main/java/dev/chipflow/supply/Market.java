package dev.chipflow.supply;

/**
 * What exports are worth, for the revenue figures (knobs {@code market.*}); no rule of the pipeline reads it.
 *
 * @param priceUsd    price per H200, USD
 * @param usTakeShare share of the value taken by the US
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Market(double priceUsd, double usTakeShare) implements java.io.Serializable {

    /**
     * Validates each knob; see {@link Knobs} for the ranges.
     *
     * @param priceUsd price per H200, USD
     * @param usTakeShare share of the value taken by the US
     */
    public Market {
        InvalidKnobException.range("market.priceUsd", priceUsd, 0, 1e7);
        InvalidKnobException.range("market.usTakeShare", usTakeShare, 0, 1);
    }
}
