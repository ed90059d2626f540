package dev.chipflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exact averages of step functions worked out by hand (all values binary-exact, so equality is exact). */
class TimeWeightedTest {

    @Test
    void averageOfAHandComputedStepFunction() {
        // Value 2 on [0,1), 5 on [1,3), 0 on [3,4), 4 on [4,8]: integral 2 + 10 + 0 + 16 = 28 over 8 days.
        TimeWeighted w = new TimeWeighted(0, 2);
        w.update(1, 5);
        w.update(3, 0);
        w.add(4, 4);

        assertEquals(28.0, w.integral(8));
        assertEquals(3.5, w.mean(8));
        assertEquals(12.0 / 4, w.mean(4), "up to the last update: 2 + 10 + 0 over 4 days");
        assertEquals(20.0, w.integral(6));
        assertEquals(4.0, w.value());
        assertEquals(5.0, w.max());
    }

    @Test
    void aWindowThatStartsLaterIgnoresTheWarmup() {
        TimeWeighted w = new TimeWeighted(10, 100);
        w.update(12, 4);
        w.reset(15);
        // From 15: value 4 on [15,16), 1 on [16,18), 7 on [18,19]: integral 4 + 2 + 7 = 13 over 4 days.
        w.update(16, 1);
        w.add(18, 6);

        assertEquals(13.0, w.integral(19));
        assertEquals(13.0 / 4, w.mean(19));
        assertEquals(7.0, w.max(), "the warm-up's 100 is forgotten");
    }

    @Test
    void simultaneousUpdatesCountOnlyTheLast() {
        TimeWeighted w = new TimeWeighted(0, 1);
        w.update(2, 50);
        w.update(2, 3);
        assertEquals(2 + 3 * 2, w.integral(4));
        assertEquals(50.0, w.max(), "a momentary value still counts as the maximum");
    }

    @Test
    void anEmptyWindowReportsTheCurrentValue() {
        TimeWeighted w = new TimeWeighted(5, 8);
        assertEquals(8.0, w.mean(5));
        assertEquals(0.0, w.integral(5));
    }

    @Test
    void goingBackInTimeIsRefused() {
        TimeWeighted w = new TimeWeighted(0, 0);
        w.update(3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.update(2, 5));
        assertTrue(e.getMessage().contains("2.0") && e.getMessage().contains("3.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w.integral(2.5));
    }
}
