package dev.chipflow.random;

/** Parameter checks and formatting shared by the built-in distributions. */
final class Params {

    private Params() {
    }

    /** Formats a parameter without a trailing ".0", so specs read as people write them. */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Throws unless {@code v} is finite and at least {@code min}. */
    static void require(String what, double v, double min) {
        if (!(v >= min) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and >= " + fmt(min) + ", was " + v);
        }
    }
}
