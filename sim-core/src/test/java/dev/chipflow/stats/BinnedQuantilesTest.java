package dev.chipflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinnedQuantilesTest {

    @Test
    void uniformWeightOverTheRangeGivesExactQuantiles() {
        // One unit in the middle of every one-day bin of [0, 100): the p-quantile of that mass is 100 p.
        BinnedQuantiles q = new BinnedQuantiles(0, 100, 100);
        for (int d = 0; d < 100; d++) {
            q.add(d + 0.5, 1);
        }
        assertEquals(50.0, q.quantile(0.5), 1e-9);
        assertEquals(90.0, q.quantile(0.9), 1e-9);
        assertEquals(100.0, q.totalWeight());
    }

    @Test
    void weightsCountAndQuantilesStayWithinOneBin() {
        BinnedQuantiles q = new BinnedQuantiles(0, 365, 365);
        q.add(10.2, 9_000);
        q.add(200.7, 1_000);
        // 90% of the weight sits in the bin [10, 11): the median lies in it.
        double median = q.quantile(0.5);
        assertTrue(median >= 10 && median <= 11, "median " + median);
        double p95 = q.quantile(0.95);
        assertTrue(p95 >= 200 && p95 <= 201, "p95 " + p95);
    }

    @Test
    void outOfRangeValuesCountInTheEndBinsAndEmptyIsNaN() {
        BinnedQuantiles q = new BinnedQuantiles(0, 10, 10);
        assertTrue(Double.isNaN(q.quantile(0.5)));
        q.add(-5, 1);
        q.add(50, 1);
        assertTrue(q.quantile(0.25) <= 1);
        assertTrue(q.quantile(0.75) >= 9);
        assertThrows(IllegalArgumentException.class, () -> q.quantile(1.5));
        assertThrows(IllegalArgumentException.class, () -> new BinnedQuantiles(5, 5, 1));
    }
}
