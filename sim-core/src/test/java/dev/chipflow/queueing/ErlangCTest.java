package dev.chipflow.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Erlang C formulas against textbook closed forms. */
class ErlangCTest {

    @Test
    void mm1AtUtilisationPointEight() {
        // M/M/1: P(wait) = rho, W_q = rho / (mu - lambda) = 0.8 / 0.2 = 4, L_q = rho^2 / (1 - rho) = 3.2.
        ErlangC q = new ErlangC(0.8, 1.0, 1);
        assertEquals(0.8, q.utilisation(), 1e-15);
        assertEquals(0.8, q.probabilityOfWaiting(), 1e-12);
        assertEquals(4.0, q.meanWait(), 1e-12);
        assertEquals(3.2, q.meanQueueLength(), 1e-12);
    }

    @Test
    void mm2ClosedForm() {
        // M/M/2: L_q = 2 rho^3 / (1 - rho^2); at lambda = 1, mu = 1 (rho = 0.5) that is 1/3, and W_q = L_q / lambda.
        ErlangC q = new ErlangC(1.0, 1.0, 2);
        assertEquals(1.0 / 3, q.meanQueueLength(), 1e-12);
        assertEquals(1.0 / 3, q.meanWait(), 1e-12);
        assertEquals(1.0 / 3, q.probabilityOfWaiting(), 1e-12);
    }

    @Test
    void mm4AgainstTheFactorialForm() {
        // P0 = [sum_{k<c} a^k/k! + a^c/(c! (1 - rho))]^-1 and C = a^c/(c! (1 - rho)) P0, with a = 3.2, c = 4.
        double a = 3.2;
        double sum = 1 + a + a * a / 2 + a * a * a / 6;
        double tail = Math.pow(a, 4) / 24 / (1 - 0.8);
        double c = tail / (sum + tail);
        ErlangC q = new ErlangC(3.2, 1.0, 4);
        assertEquals(c, q.probabilityOfWaiting(), 1e-12);
        assertEquals(c / (4 - 3.2), q.meanWait(), 1e-12);
    }

    @Test
    void manyServersDoNotOverflow() {
        ErlangC q = new ErlangC(480, 1.0, 500);
        double p = q.probabilityOfWaiting();
        assertTrue(p > 0 && p < 1, "P(wait) = " + p);
        assertTrue(q.meanWait() > 0 && Double.isFinite(q.meanWait()));
    }

    @Test
    void moreServersMeanLessWaiting() {
        double previous = Double.POSITIVE_INFINITY;
        for (int c = 4; c <= 10; c++) {
            double w = new ErlangC(3.5, 1.0, c).meanWait();
            assertTrue(w < previous, "c = " + c);
            previous = w;
        }
    }

    @Test
    void unstableOrMeaninglessQueuesAreRefused() {
        IllegalArgumentException unstable = assertThrows(IllegalArgumentException.class,
                () -> new ErlangC(2.0, 1.0, 2));
        assertTrue(unstable.getMessage().contains("unstable") && unstable.getMessage().contains("lambda=2.0"),
                unstable.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ErlangC(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ErlangC(1, Double.NaN, 2));
        IllegalArgumentException servers = assertThrows(IllegalArgumentException.class,
                () -> new ErlangC(1, 1, 0));
        assertTrue(servers.getMessage().contains("c=0"), servers.getMessage());
    }
}
