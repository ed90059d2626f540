/**
 * The H200 supply model of docs/model.md on the engine: a {@link dev.chipflow.supply.Scenario} (immutable knobs, firms,
 * dates) wired by {@link dev.chipflow.supply.SupplyModel} into one class per stage ({@code ChinaApproval},
 * {@code Conversion}, {@code DomesticMarket}, {@code NvidiaSupply}, {@code LicenceOffice}, {@code CapLedger},
 * {@code TestLab}, {@code Border}), producing a {@link dev.chipflow.supply.SupplyResult}.
 *
 * <p>The flow unit is the shipment: a batch of units of one firm, created when the firm orders and carried through
 * every stage. Shipments live in primitive arrays ({@code Shipments}) so that millions of 8-GPU modules cost no
 * per-shipment objects.
 */
package dev.chipflow.supply;
