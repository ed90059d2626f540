package dev.chipflow.supply;

import dev.chipflow.engine.EventHandler;
import dev.chipflow.engine.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * Firms' orders: on its date each order is cut into shipments of {@code shipment.units} (the last one smaller) that
 * wait for Chinese approval. Orders dated before day 0 count from day 0.
 */
final class OrderBook {

    private final Simulator sim;
    private final Shipments shipments;
    private final ChinaApproval approval;
    private final int shipmentUnits;
    private final int[] orderFirm;
    private final long[] orderUnits;
    private final EventHandler placed = this::place;

    OrderBook(Simulator sim, Scenario scenario, Shipments shipments, ChinaApproval approval) {
        this.sim = sim;
        this.shipments = shipments;
        this.approval = approval;
        this.shipmentUnits = scenario.shipmentUnits();
        List<int[]> index = new ArrayList<>();
        List<Long> unitList = new ArrayList<>();
        List<Double> days = new ArrayList<>();
        for (int f = 0; f < scenario.firms().size(); f++) {
            for (Order o : scenario.firms().get(f).orders()) {
                index.add(new int[] {f});
                unitList.add(o.units());
                days.add(Math.max(0, Calendar.day(o.date())));
            }
        }
        orderFirm = new int[index.size()];
        orderUnits = new long[index.size()];
        for (int o = 0; o < orderFirm.length; o++) {
            orderFirm[o] = index.get(o)[0];
            orderUnits[o] = unitList.get(o);
            if (days.get(o) < scenario.horizonDays()) {
                sim.scheduleAt(days.get(o), placed, o);
            }
        }
    }

    /** @return the number of orders, which are the licence keys under {@link LicenceScope#ORDER} */
    int orders() {
        return orderFirm.length;
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
