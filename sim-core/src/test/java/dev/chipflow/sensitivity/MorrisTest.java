package dev.chipflow.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Morris elementary effects with known answers. Deterministic: no interval is tested, nothing can fail by chance. */
class MorrisTest {

    private static List<MorrisEstimator.Effect> analyse(int k, java.util.function.ToDoubleFunction<double[]> f) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        MorrisDesign d = MorrisDesign.of(k, 20, 4, rng);
        double[] y = new double[d.points()];
        for (int p = 0; p < y.length; p++) {
            y[p] = f.applyAsDouble(d.point(p));
        }
        return MorrisEstimator.estimate(d, y, MorrisEstimator.resamples(20, 200, rng), 0.95);
    }

    @Test
    void inertFactorHasMuStarExactlyZero() {
        // x3 does not enter the function: every step that moves it leaves y unchanged.
        List<MorrisEstimator.Effect> e = analyse(3, u -> Math.sin(6 * u[0]) + u[0] * u[1] * u[1]);
        assertEquals(new MorrisEstimator.Effect(0, 0, 0, 0, 0), e.get(2));
        assertTrue(e.get(0).muStar() > 0.5);
        assertTrue(e.get(1).muStar() > 0.1);
        // x1 enters non-linearly: its effects vary (sigma > 0); x2 interacts with x1 (sigma > 0).
        assertTrue(e.get(0).sigma() > 0.1);
        assertTrue(e.get(1).sigma() > 0);
    }

    @Test
    void linearFunctionEffectsAreItsCoefficients() {
        // y = 2 x1 - 3 x2 + 0.5 x3: every elementary effect of x_i is exactly c_i per whole range.
        List<MorrisEstimator.Effect> e = analyse(3, u -> 2 * u[0] - 3 * u[1] + 0.5 * u[2]);
        double[] c = {2, -3, 0.5};
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.abs(c[i]), e.get(i).muStar(), 1e-12);
            assertEquals(c[i], e.get(i).mu(), 1e-12);
            assertEquals(0, e.get(i).sigma(), 1e-12);
        }
    }

    @Test
    void trajectoriesMoveEachFactorOnceByDelta() {
        MorrisDesign d = MorrisDesign.of(5, 6, 4, RandomSource.XO_SHI_RO_256_PP.create(3L));
        assertEquals(2 / 3.0, d.delta(), 1e-15);
        for (int t = 0; t < 6; t++) {
            boolean[] moved = new boolean[5];
            for (int s = 1; s <= 5; s++) {
                double[] before = d.point(t * 6 + s - 1);
                double[] after = d.point(t * 6 + s);
                int i = d.moved(t, s);
                moved[i] = true;
                for (int j = 0; j < 5; j++) {
                    double change = after[j] - before[j];
                    assertEquals(j == i ? d.direction(t, s) * d.delta() : 0, change, 1e-12);
                    assertTrue(after[j] >= 0 && after[j] <= 1);
                }
            }
            for (boolean m : moved) {
                assertTrue(m);
            }
        }
    }
}
