package dev.chipflow.supply;

import dev.chipflow.random.Distribution;
import java.util.List;

/** Checks shared by the groups of a {@link Scenario}, each failure naming the knob. */
final class KnobChecks {

    private KnobChecks() {
    }

    /** A distribution of days, never negative, with a mean of at most ten years. */
    static void duration(String knob, Distribution d) {
        if (d == null) {
            throw new InvalidKnobException(knob, "null", "a distribution of days; " + Distribution.FORMS);
        }
        if (!(d.min() >= 0)) {
            throw new InvalidKnobException(knob, d.spec(), "a distribution of days, never negative (min() >= 0)");
        }
        if (!(d.mean() <= 3650)) {
            throw new InvalidKnobException(knob, d.spec(), "a distribution of days with mean at most 3650");
        }
    }

    /** Dated windows within the calendar; returns an unmodifiable copy. */
    static List<DateWindow> windows(String knob, List<DateWindow> w) {
        for (DateWindow d : w) {
            Calendar.check(knob, d.from());
            Calendar.check(knob, d.to());
        }
        return List.copyOf(w);
    }
}
