package dev.chipflow.supply;

import static dev.chipflow.supply.Hand.base;
import static dev.chipflow.supply.Hand.firm;
import static dev.chipflow.supply.Hand.fixed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What comes out of a run, on a hand case: revenue = exported units x market.priceUsd (exported: units that passed
 * the lab and left for China, delivered or not), US take = revenue x market.usTakeShare, compute of delivered units
 * in H20 equivalents and BF16 PFLOPS ({@link Compute}), domestic compute, and FirmResult.waitDays.
 */
class OutputsTest {

    /**
     * The chip figures behind {@link Compute}, from the vendor figures in its comments: total processing performance
     * (TPP, the BIS 3A090 measure) is dense TFLOPS x the bit length of the operation, at the precision that gives the
     * most. H200: dense FP8 1,979 TFLOPS (vendor sheet; twice the dense BF16 989.5, printed 989) x 8 = 15,832. H20:
     * dense BF16 148 x 16 = 2,368. An H200 is 15,832 / 2,368 = 1,979 / 296 = 6.6858... H20s ("about 6.7").
     */
    @Test
    void computeConstantsFollowFromTheVendorFigures() {
        assertEquals(1979 * 8, Compute.H200_TPP);
        assertEquals(Compute.H20_BF16_TFLOPS * 16, Compute.H20_TPP);
        assertEquals(989, Compute.H200_BF16_TFLOPS);
        assertEquals(1979.0 / 296, Compute.h20Equivalents(1), 1e-12);
        assertEquals(6.7, Compute.h20Equivalents(1), 0.05);
        assertEquals(0.989, Compute.h200Pflops(1), 1e-15);
        assertEquals(0.752, Compute.ascendPflops(1), 1e-15);
    }

    /**
     * One order of 1,000 units on day 0 in four shipments of 250; approval on day 0; a domestic ratio of 2 from a
     * stock of a million; one lab line, lots of 250, 5 days a test; transit 5 days; no clearance time; price $30,000,
     * US take 25%; horizon 2026-01-19 (the run is [0, 19)).
     *
     * <pre>
     * shipment  lab queue   lab test    transit     delivered
     *   1        0 -> 0      0 -> 5      5 -> 10       10
     *   2        0 -> 5      5 -> 10    10 -> 15       15
     *   3        0 -> 10    10 -> 15    15 -> (19)     -      in transit at the end
     *   4        0 -> 15    15 -> (19)                  -      under test at the end (the test would end at 20)
     * </pre>
     * Exported 750 (three lots passed), delivered 500. Revenue 750 x 30,000 = 22,500,000 (not 500 x 30,000: revenue
     * is booked on export); US take 5,625,000. Delivered compute: 500 x 1,979 / 296 = 3,342.905... H20 equivalents;
     * 500 x 0.989 = 494.5 PFLOPS. Domestic chips bought 2 x 1,000 = 2,000, i.e. 2,000 x 0.752 = 1,504 PFLOPS.
     *
     * <p>waitDays, unit-days per ordered unit up to day 19: lab queue 250 x (0 + 5 + 10 + 15) / 1,000 = 7.5; lab test
     * 250 x (5 + 5 + 5 + 4) / 1,000 = 4.75; transit 250 x (5 + 5 + 4) / 1,000 = 3.5; everything else 0. They add up to
     * 15.75, the mean time a unit spent in the system within the horizon: 250 x (10 + 15 + 19 + 19) / 1,000.
     */
    @Test
    void revenueTakeComputeAndWaitDays() {
        Scenario s = base().horizonEnd(LocalDate.of(2026, 1, 19)).shipmentUnits(250).domesticRatio(2)
                .domesticInitialStock(1_000_000).labLines(1).labLotUnits(250).labBaseDays(fixed(5))
                .transitDays(fixed(5)).priceUsd(30_000).usTakeShare(0.25).firms(List.of(firm("A", 0, 0, 1000)))
                .build();
        SupplyResult r = Hand.run(s);
        FirmResult a = r.firm("A");
        assertEquals(1000, a.licensed());
        assertEquals(750, a.exported());
        assertEquals(500, a.delivered());
        SystemResult sys = r.system();
        assertEquals(22_500_000, sys.revenueUsd(), 1e-6);
        assertEquals(5_625_000, sys.usTakeUsd(), 1e-6);
        assertEquals(500.0 * 1979 / 296, a.deliveredH20Equivalents(), 1e-9);
        assertEquals(494.5, a.deliveredPflops(), 1e-9);
        assertEquals(494.5, sys.importedPflops(), 1e-9);
        assertEquals(2000, a.domesticChips(), 1e-9);
        assertEquals(2000, sys.domesticBought(), 1e-9);
        assertEquals(1504, sys.domesticPflops(), 1e-9);
        assertEquals(22_500_000, r.scalars().get("system.revenueUsd"), 1e-6);
        assertEquals(500.0 * 1979 / 296, r.scalars().get("all.deliveredH20eq"), 1e-9);

        double[] expected = new double[Stage.WAITING_STAGES];
        expected[Stage.LAB_QUEUE.ordinal()] = 7.5;
        expected[Stage.LAB_TEST.ordinal()] = 4.75;
        expected[Stage.TRANSIT.ordinal()] = 3.5;
        assertArrayEquals(expected, a.waitDays(), 1e-12);
        long[] at = new long[Stage.values().length];
        at[Stage.LAB_TEST.ordinal()] = 250;
        at[Stage.TRANSIT.ordinal()] = 250;
        at[Stage.DELIVERED.ordinal()] = 500;
        assertArrayEquals(at, a.unitsAtEnd());
        // Lead time of the delivered 500: 10 and 15 days, 250 units each.
        assertEquals(12.5, a.leadTimeMean(), 1e-12);
        TraceReplay.check(s, r);
    }
}
