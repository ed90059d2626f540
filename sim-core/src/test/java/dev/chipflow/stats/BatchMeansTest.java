package dev.chipflow.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bookkeeping of batch means, by hand; its statistics are tested on the M/M/1 queue (BatchMeansMM1Test). */
class BatchMeansTest {

    @Test
    void batchesDoubleWhenTwiceTheLeastNumberAreFull() {
        BatchMeans b = new BatchMeans(2);
        for (int x = 1; x <= 3; x++) {
            b.add(x);
        }
        // Batches of one: 1, 2, 3.
        assertEquals(3, b.batches());
        assertEquals(1, b.batchSize());
        b.add(4);
        // Four full batches of one are merged into two of two: (1+2)/2, (3+4)/2.
        assertEquals(2, b.batches());
        assertEquals(2, b.batchSize());
        assertArrayEquals(new double[] {1.5, 3.5}, b.batchMeans());
        b.add(5);
        // 5 waits in an unfinished batch and is left out.
        assertEquals(5, b.count());
        assertEquals(2.5, b.mean());
        b.add(6);
        assertArrayEquals(new double[] {1.5, 3.5, 5.5}, b.batchMeans());
        for (int x = 7; x <= 8; x++) {
            b.add(x);
        }
        assertArrayEquals(new double[] {2.5, 6.5}, b.batchMeans());
        assertEquals(4, b.batchSize());
    }

    /**
     * b = 3, so six full batches are merged into three. 4, 8, 1, 7, 3, 9 fill six batches of one, merged to sums
     * 12, 8, 12 of two; 2 + 6 = 8, 5 + 5 = 10, 0 + 10 = 10 fill three more, and the six sums 12, 8, 12, 8, 10, 10 are
     * merged to 20, 20, 20 of four: batch means 5, 5, 5, standard deviation 0, so the interval is the point 5.
     */
    @Test
    void theIntervalIsStudentTOverTheBatchMeans() {
        BatchMeans b = new BatchMeans(3);
        double[] xs = {4, 8, 1, 7, 3, 9, 2, 6, 5, 5, 0, 10};
        for (double x : xs) {
            b.add(x);
        }
        double[] means = b.batchMeans();
        assertEquals(b.batches(), means.length);
        Summary s = b.confidenceInterval(0.9);
        Summary expected = Summary.of(means, 0.9);
        assertEquals(expected, s);
        assertEquals(means.length, s.n());
        assertArrayEquals(new double[] {5, 5, 5}, means);
        assertEquals(4, b.batchSize());
        assertEquals(5.0, s.lower());
        assertEquals(5.0, s.upper());
    }

    /**
     * b = 2 and 1 .. 6: 1, 2, 3, 4 fill four batches of one, merged to (1 + 2) / 2 = 1.5 and (3 + 4) / 2 = 3.5; then
     * 5 + 6 fills a third batch of two, 5.5. Three batch means 1.5, 3.5, 5.5: mean 3.5, sd sqrt((4 + 0 + 4) / 2) = 2;
     * t(2 df, 0.975) = 4.302653 (printed tables), half-width 4.302653 x 2 / sqrt(3) = 4.968275.
     */
    @Test
    void theIntervalOfThreeBatchesByHand() {
        BatchMeans b = new BatchMeans(2);
        for (int x = 1; x <= 6; x++) {
            b.add(x);
        }
        assertArrayEquals(new double[] {1.5, 3.5, 5.5}, b.batchMeans());
        Summary s = b.confidenceInterval(0.95);
        assertEquals(3, s.n());
        assertEquals(3.5, s.mean());
        assertEquals(2.0, s.sd(), 1e-15);
        assertEquals(3.5 - 4.968275, s.lower(), 1e-6);
        assertEquals(3.5 + 4.968275, s.upper(), 1e-6);
    }

    @Test
    void resetStartsOver() {
        BatchMeans b = new BatchMeans(2);
        for (int x = 0; x < 100; x++) {
            b.add(x);
        }
        b.reset();
        assertEquals(0, b.count());
        assertEquals(0, b.batches());
        assertEquals(1, b.batchSize());
        assertTrue(Double.isNaN(b.mean()));
        b.add(3);
        assertArrayEquals(new double[] {3}, b.batchMeans());
    }

    @Test
    void lagOneAutocorrelationOfATrendIsPositiveAndOfAnAlternationNegative() {
        BatchMeans trend = new BatchMeans(10);
        BatchMeans alternating = new BatchMeans(10);
        for (int x = 0; x < 15; x++) {
            trend.add(x);
            alternating.add(x % 2 == 0 ? 1 : -1);
        }
        assertTrue(trend.lag1Autocorrelation() > 0.5, "trend " + trend.lag1Autocorrelation());
        assertTrue(alternating.lag1Autocorrelation() < -0.5, "alternation " + alternating.lag1Autocorrelation());
        // Fewer than 2b = 20 values: 15 batches of one. The trend 0 .. 14 has mean 7, deviations j = -7 .. 7:
        // sum j^2 = 280 and sum over neighbours j (j + 1), j = -7 .. 6, = 231 - 7 = 224; 224 / 280 = 0.8.
        assertEquals(0.8, trend.lag1Autocorrelation(), 1e-15);
        // 1, -1, ..., 1: eight 1s and seven -1s, mean 1/15, deviations 14/15 and -16/15. Sum of squares
        // (8 x 196 + 7 x 256) / 225 = 3360 / 225; 14 neighbour products of -224 / 225 each; -3136 / 3360 = -14/15.
        assertEquals(-14.0 / 15, alternating.lag1Autocorrelation(), 1e-12);
        assertTrue(Double.isNaN(new BatchMeans().lag1Autocorrelation()));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BatchMeans(1));
        assertThrows(IllegalArgumentException.class, () -> new BatchMeans().add(Double.NaN));
    }
}
