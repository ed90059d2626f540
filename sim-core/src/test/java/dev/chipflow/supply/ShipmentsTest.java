package dev.chipflow.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chipflow.engine.Simulator;
import org.junit.jupiter.api.Test;

/** The books of {@link Shipments} at creation and the bounds of a split (exact to the unit, never empty). */
class ShipmentsTest {

    private static final int STAGES = Stage.values().length;

    /** A new shipment of 7 units of firm 1 is in china-approval: 7 units there, 7 entered, none anywhere else. */
    @Test
    void aNewShipmentIsBookedInApproval() {
        Shipments sh = new Shipments(new Simulator(), 2, Trace.OFF, 4);
        int s = sh.create(1, 0, 7);
        assertEquals(7, sh.units(s));
        assertEquals(7, sh.unitsIn[STAGES + Stage.APPROVAL.ordinal()]);
        assertEquals(7, sh.entered(1, Stage.APPROVAL));
        assertEquals(0, sh.unitsIn[Stage.APPROVAL.ordinal()]);
    }

    /**
     * A split takes 1 to units - 1 off a shipment: 0 units (an empty shipment) or all of them (an empty rest) is a
     * bug. From 5 units: part 1 leaves 4; from those 4, part 3 leaves 1; then part 0 or part 1 (= all) is refused.
     */
    @Test
    void aSplitNeverLeavesAnEmptyShipment() {
        Shipments sh = new Shipments(new Simulator(), 1, Trace.OFF, 4);
        int s = sh.create(0, 0, 5);
        int a = sh.split(s, 1);
        assertEquals(1, sh.units(a));
        assertEquals(4, sh.units(s));
        int b = sh.split(s, 3);
        assertEquals(3, sh.units(b));
        assertEquals(1, sh.units(s));
        assertThrows(IllegalStateException.class, () -> sh.split(s, 0));
        assertThrows(IllegalStateException.class, () -> sh.split(s, 1));
        assertEquals(1, sh.units(s));
    }
}
