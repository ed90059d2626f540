package dev.chipflow.supply;

/**
 * A knob given a value outside what it allows: the message names the knob, the value and the allowed range, in one
 * line fit for a command line.
 */
public final class InvalidKnobException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The knob's documented name. */
    private final String knob;
    /** The value refused, as given. */
    private final String value;
    /** What the knob allows. */
    private final String allowed;

    /**
     * @param knob    the knob's documented name, e.g. {@code cap.ratio}
     * @param value   the value given, as text
     * @param allowed what is allowed, e.g. {@code a number in [0, 1]}
     */
    public InvalidKnobException(String knob, String value, String allowed) {
        super("knob '" + knob + "' = '" + value + "' is not allowed: expected " + allowed);
        this.knob = knob;
        this.value = value;
        this.allowed = allowed;
    }

    /** @return the knob's name */
    public String knob() {
        return knob;
    }

    /** @return the value given */
    public String value() {
        return value;
    }

    /** @return what the knob allows */
    public String allowed() {
        return allowed;
    }

    /** Throws unless {@code min <= v <= max} (NaN always fails). */
    static void range(String knob, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new InvalidKnobException(knob, Double.toString(v), "a number in [" + fmt(min) + ", " + fmt(max)
                    + "]");
        }
    }

    /** Throws unless {@code min <= v <= max}. */
    static void range(String knob, long v, long min, long max) {
        if (v < min || v > max) {
            throw new InvalidKnobException(knob, Long.toString(v), "a whole number in [" + min + ", "
                    + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "unlimited" : Long.toString(max)) + "]");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
