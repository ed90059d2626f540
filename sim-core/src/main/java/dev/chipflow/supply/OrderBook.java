package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.Simulator;

/**
 * Firms' orders: on its date each order is cut into shipments of {@code shipment.units} (the last one smaller) that
 * wait for Chinese approval. Orders dated before day 0 count from day 0.
 */
final class OrderBook {

    private final Shipments shipments;
    private final ChinaApproval approval;
    private final int shipmentUnits;
    private final int[] orderFirm;
    private final long[] orderUnits;
    private final EventHandler placed = this::place;

    /** Orders are numbered firm by firm in scenario order, which is how {@link LicenceScope#ORDER} keys them. */
    OrderBook(Simulator sim, Scenario scenario, Shipments shipments, ChinaApproval approval) {
        this.shipments = shipments;
        this.approval = approval;
        this.shipmentUnits = scenario.shipmentUnits();
        int n = scenario.firms().stream().mapToInt(f -> f.orders().size()).sum();
        orderFirm = new int[n];
        orderUnits = new long[n];
        int o = 0;
        for (int f = 0; f < scenario.firms().size(); f++) {
            for (Order order : scenario.firms().get(f).orders()) {
                orderFirm[o] = f;
                orderUnits[o] = order.units();
                double day = Math.max(0, Calendar.day(order.date()));
                if (day < scenario.horizonDays()) {
                    sim.scheduleAt(day, placed, o);
                }
                o++;
            }
        }
    }

    private void place(int o) {
        int f = orderFirm[o];
        long left = orderUnits[o];
        while (left > 0) {
            int u = (int) Math.min(shipmentUnits, left);
            left -= u;
            approval.arrive(shipments.create(f, o, u));
        }
        approval.approveWaiting(f);
    }
}
