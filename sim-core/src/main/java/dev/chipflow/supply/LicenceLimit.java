package dev.chipflow.supply;

import dev.chipflow.engine.IntFifo;

/**
 * The US quantity limits, checked before Nvidia allocates inventory: no firm is licensed more than
 * {@code licence.perFirmCap} units, nor all firms together more than {@code licence.totalCeiling}. A purchase order
 * reserves its units against both when it passes; the part beyond the room left (exact to the unit) waits here and is
 * never allocated, so a limit never strands inventory that another firm could use.
 *
 * <p>Each firm's purchase orders pass in order; firms share the ceiling first come first served.
 */
final class LicenceLimit {

    private final Shipments shipments;
    private final NvidiaSupply supply;
    private long perFirmCap;
    private long ceiling;
    private final long[] reserved;
    private long reservedTotal;
    private final IntFifo[] waiting;

    LicenceLimit(Scenario scenario, Shipments shipments, NvidiaSupply supply) {
        this.shipments = shipments;
        this.supply = supply;
        this.perFirmCap = scenario.us().perFirmCap();
        this.ceiling = scenario.us().totalCeiling();
        int firms = scenario.firms().size();
        reserved = new long[firms];
        waiting = new IntFifo[firms];
        for (int f = 0; f < firms; f++) {
            waiting[f] = new IntFifo(4);
        }
    }

    /** A purchase order joins its firm's line and passes as far as the limits leave room. */
    void arrive(int s) {
        int f = shipments.firm(s);
        waiting[f].add(s);
        admit(f);
    }

    /** From a date: new limits for the units that pass from now; room that opens is taken firm by firm in order. */
    void limits(long perFirm, long total) {
        perFirmCap = perFirm;
        ceiling = total;
        for (int f = 0; f < waiting.length; f++) {
            admit(f);
        }
    }

    private void admit(int f) {
        IntFifo line = waiting[f];
        while (!line.isEmpty()) {
            long room = Math.min(perFirmCap - reserved[f], ceiling - reservedTotal);
            if (room <= 0) {
                return;
            }
            int s = shipments.takeFromHead(line, room);
            int u = shipments.units(s);
            reserved[f] += u;
            reservedTotal += u;
            shipments.move(s, Stage.ALLOCATION);
            supply.arrive(s);
        }
    }
}
