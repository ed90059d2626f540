package dev.chipflow.supply;

/**
 * Chip figures from vendor sheets and reports (docs/calibration.md), used to turn units into compute. Not knobs:
 * they are facts about the chips, not policy.
 */
public final class Compute {

    /** H200 dense BF16, TFLOPS (vendor sheet, H). */
    public static final double H200_BF16_TFLOPS = 989;
    /** H200 total processing performance (Dec 2025 reports, H). */
    public static final double H200_TPP = 15_832;
    /** H20 total processing performance (secondary, M). */
    public static final double H20_TPP = 2_368;
    /** H20 dense BF16, TFLOPS (secondary, M). */
    public static final double H20_BF16_TFLOPS = 148;
    /** Huawei Ascend 910C dense BF16, TFLOPS (The Register via secondary, M). */
    public static final double ASCEND_910C_BF16_TFLOPS = 752;

    private Compute() {
    }

    /**
     * @param h200Units H200 units
     * @return H200 units expressed as H20 equivalents, by TPP (about 6.7 each)
     */
    public static double h20Equivalents(double h200Units) {
        return h200Units * H200_TPP / H20_TPP;
    }

    /**
     * @param units H200 units
     * @return BF16 PFLOPS of that many H200
     */
    public static double h200Pflops(double units) {
        return units * H200_BF16_TFLOPS / 1000.0;
    }

    /**
     * @param units Ascend 910C units
     * @return BF16 PFLOPS of that many Ascend 910C
     */
    public static double ascendPflops(double units) {
        return units * ASCEND_910C_BF16_TFLOPS / 1000.0;
    }
}
