package dev.chipflow.supply;

/** The one method through which a stage hands a shipment on to the next. */
@FunctionalInterface
interface StageInput {
    /** @param shipment a shipment just moved into this stage */
    void arrive(int shipment);
}
