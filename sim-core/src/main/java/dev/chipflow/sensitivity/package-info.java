/**
 * Global sensitivity and uncertainty analysis: which assumptions matter.
 *
 * <p>The methods know nothing of chips: {@link SaltelliDesign} (Sobol' quasi-random points, randomised by a digital
 * shift, arranged as Saltelli's matrices A, B and A with column i from B), {@link SobolEstimator} (first-order
 * indices by Saltelli et al. 2010, total indices by Jansen 1999, bootstrap percentile intervals over the base rows),
 * {@link MorrisDesign} and {@link MorrisEstimator} (elementary effects: mu*, mu, sigma). They take and give arrays of
 * numbers, so that the tests check them on functions with known indices (Ishigami, linear).
 *
 * <p>On the supply model: {@link Factor} (a knob varied over a range: a number, a distribution through its mean, a
 * date or date windows through a shift in days), {@link Factors} (the default factors: the assumptions with a
 * numeric calibrated range), {@link SensitivityOutputs} (units delivered by dates, total and per firm, and scalar
 * outputs) and {@link SupplySensitivity}, which runs every design point with common random numbers and returns a
 * {@link SensitivityResult}.
 */
package dev.chipflow.sensitivity;
