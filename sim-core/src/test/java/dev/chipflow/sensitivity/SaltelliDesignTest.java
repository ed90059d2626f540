package dev.chipflow.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The layout of a Saltelli design and the digital shift's stratification. */
class SaltelliDesignTest {

    @Test
    void abMatricesAreAWithOneColumnFromB() {
        SaltelliDesign d = SaltelliDesign.of(3, 8, RandomSource.XO_SHI_RO_256_PP.create(1L));
        assertEquals(8 * 5, d.points());
        for (int r = 0; r < 8; r++) {
            double[] a = d.point(d.pointA(r));
            double[] b = d.point(d.pointB(r));
            assertEquals("A", d.matrix(d.pointA(r)));
            assertEquals("B", d.matrix(d.pointB(r)));
            for (int i = 0; i < 3; i++) {
                double[] ab = d.point(d.pointAB(r, i));
                assertEquals("AB" + (i + 1), d.matrix(d.pointAB(r, i)));
                for (int j = 0; j < 3; j++) {
                    assertEquals(j == i ? b[j] : a[j], ab[j]);
                }
            }
        }
    }

    @Test
    void shiftedPointsStayStratified() {
        // The first 2^m Sobol' points put exactly one point in each interval [j/2^m, (j+1)/2^m) of every coordinate;
        // an XOR of the bits keeps that (it permutes the intervals).
        int n = 64;
        SaltelliDesign d = SaltelliDesign.of(4, n, RandomSource.XO_SHI_RO_256_PP.create(99L));
        for (int col = 0; col < 4; col++) {
            int[] countA = new int[n];
            int[] countB = new int[n];
            for (int r = 0; r < n; r++) {
                countA[(int) (d.point(d.pointA(r))[col] * n)]++;
                countB[(int) (d.point(d.pointB(r))[col] * n)]++;
            }
            int[] ones = new int[n];
            java.util.Arrays.fill(ones, 1);
            assertArrayEquals(ones, countA, "column " + col + " of A");
            assertArrayEquals(ones, countB, "column " + col + " of B");
        }
    }

    @Test
    void theSeedShiftsThePointsAndTheSameSeedGivesTheSameDesign() {
        SaltelliDesign a = SaltelliDesign.of(2, 16, RandomSource.XO_SHI_RO_256_PP.create(5L));
        SaltelliDesign b = SaltelliDesign.of(2, 16, RandomSource.XO_SHI_RO_256_PP.create(5L));
        SaltelliDesign c = SaltelliDesign.of(2, 16, RandomSource.XO_SHI_RO_256_PP.create(6L));
        assertArrayEquals(a.point(0), b.point(0));
        assertNotEquals(a.point(0)[0], c.point(0)[0]);
        // The unshifted first point is the corner 0; the shift moves it.
        assertNotEquals(0.0, a.point(0)[0]);
        assertEquals(0.0, SaltelliDesign.shift(0.0, 0L));
        assertEquals(0.5, SaltelliDesign.shift(0.0, 1L << 51));
    }
}
