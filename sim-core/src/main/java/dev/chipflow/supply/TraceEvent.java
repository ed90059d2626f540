package dev.chipflow.supply;

/**
 * One entry of the optional full trace: a shipment created, moved or split, a US end-user shipment, production, a
 * licence granted, a lab lot started or ended. With the trace
 * on, a test can replay the run and check conservation and the cap independently of the model's own counters.
 *
 * @param time     day
 * @param kind     what happened
 * @param shipment the shipment's index (reused after delivery), -1 for US shipments and production
 * @param firm     the firm's index, -1 for US shipments and production
 * @param units    units moved (for {@link Kind#SPLIT}, the units of the new shipment)
 * @param from     the stage left (null for {@link Kind#CREATED} and US shipments)
 * @param to       the stage entered (for {@link Kind#SPLIT}, the stage of both parts)
 * @param other    for {@link Kind#SPLIT}, the new shipment's index; for {@link Kind#CREATED}, the order's index (orders
 *                 numbered firm by firm in scenario order); see each kind for the others; else -1
 */
public record TraceEvent(double time, Kind kind, int shipment, int firm, long units, Stage from, Stage to,
        int other) {

    /** What a trace entry records. */
    public enum Kind {
        /** A shipment was created by an order, in {@link Stage#APPROVAL}. */
        CREATED,
        /** A shipment moved from one stage to another. */
        MOVED,
        /** A shipment was split: {@code units} left it for the new shipment {@code other}, in the same stage. */
        SPLIT,
        /** US end users received {@code units} (the cap's base). */
        US_SHIPPED,
        /** Nvidia produced {@code units} into inventory. */
        PRODUCED,
        /** A US licence was granted: {@code other} is its key (the firm's index, or the order's under ORDER scope). */
        LICENCE_GRANTED,
        /** A lab line started testing a lot of {@code units}; {@code shipment} is the lot's first shipment. */
        LOT_STARTED,
        /** A lab line finished a lot ({@code shipment} its first shipment); {@code other} is 1 if it failed, else 0. */
        LOT_ENDED
    }
}
