package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.firm;
import static dev.chipflow.supply.Hand.fixed;
import static dev.chipflow.supply.Hand.kind;
import static dev.chipflow.supply.Hand.timesAndUnits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REGRESSION: the lab's capacity does not depend on how the flow is cut. With lab.lotUnits fixed, the lab tests the
 * same lots at the same times whether an order arrives as 8-unit modules, 8,000-unit shipments, odd 7-unit pieces or
 * one shipment larger than a lot.
 */
class LabGranularityTest {

    /**
     * One order of 20,004 units on day 0; lots of 8,000; two lines; a test takes 3 + units / 8192 days (binary
     * exact: 8,000 units 3.9765625 days, 4,004 units 3.48876953125 days); no transit or customs time.
     *
     * <pre>
     * day 0:         lots of 8,000 and 8,000 start on the two lines; 4,004 wait
     * day 3.9765625: both pass (16,000 out); the last 4,004 form lot 3, ending 3.9765625 + 3.48876953125
     *                = 7.46533203125
     * </pre>
     * Delivered by the end of each day: 0 through day 2, 16,000 on days 3 to 6, 20,004 from day 7.
     */
    @ParameterizedTest(name = "shipment.units = {0}")
    @ValueSource(ints = {8, 8_000, 7, 20_004})
    void sameLotsAndSameExportsWhateverTheShipmentSize(int shipmentUnits) {
        Scenario s = base().shipmentUnits(shipmentUnits).labLines(2).labLotUnits(8_000).labBaseDays(fixed(3))
                .labDaysPerUnit(fixed(1.0 / 8192)).firms(List.of(firm("A", 0, 0, 20_004))).build();
        SupplyResult r = Hand.run(s);
        assertEquals(List.of("0.0:8000", "0.0:8000", "3.9765625:4004"),
                timesAndUnits(kind(r, TraceEvent.Kind.LOT_STARTED)));
        assertEquals(List.of("3.9765625:0", "3.9765625:0", "7.46533203125:0"),
                timesAndUnits(kind(r, TraceEvent.Kind.LOT_ENDED)));
        assertEquals(3, r.system().labTests());
        double[] delivered = r.series().deliveredByFirm()[0];
        double[] expected = new double[10];
        for (int d = 0; d < expected.length; d++) {
            expected[d] = d < 3 ? 0 : d < 7 ? 16_000 : 20_004;
        }
        assertEquals(Arrays.toString(expected),
                Arrays.toString(Arrays.copyOf(delivered, 10)));
        assertEquals(20_004, r.firm("A").exported());
        TraceReplay.check(s, r);
    }
}
