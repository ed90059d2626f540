package dev.chipflow.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formats for reports: locale-independent, so that files are the same on every machine. */
public final class Fmt {

    private Fmt() {
    }

    /**
     * A number for a CSV cell: 12 significant digits (far beyond what any output means, and free of the float noise
     * of sums such as {@code 75000.00000000001}), never in exponent form; empty for NaN.
     *
     * @param v the value
     * @return its text
     */
    public static String csv(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal d = new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static final java.math.MathContext SIGNIFICANT = new java.math.MathContext(12,
            java.math.RoundingMode.HALF_EVEN);

    /**
     * A number for people: grouped thousands, decimals by size; "-" for NaN.
     *
     * @param v the value
     * @return its text, e.g. {@code 133,333} or {@code 0.42}
     */
    public static String human(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v + 0.0);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%,.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** @return {@code mean [lower, upper]} for people, or the mean alone when the interval is undefined or empty */
    public static String withCi(double mean, double lower, double upper) {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower == upper) {
            return human(mean);
        }
        return human(mean) + " [" + human(lower) + ", " + human(upper) + "]";
    }

    /** @return a share as a percentage, e.g. {@code 42.0%} */
    public static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** @return e.g. {@code 1 replication}, {@code 20 replications} */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }
}
