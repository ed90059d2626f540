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
        assertTrue(Double.isNaN(new BatchMeans().lag1Autocorrelation()));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BatchMeans(1));
        assertThrows(IllegalArgumentException.class, () -> new BatchMeans().add(Double.NaN));
    }
}
