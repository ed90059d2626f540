package dev.chipflow.supply;

import java.time.LocalDate;

/**
 * A Chinese approval of a quantity for one firm. A conditional approval's units move on only once the NDRC has made
 * its conditions final (a delay, see {@code ndrc.conditionDays}); a final one's at once.
 *
 * @param date        the date of the approval
 * @param units       units approved, positive
 * @param conditional whether conditions are still to be set
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Approval(LocalDate date, long units, boolean conditional) implements java.io.Serializable {
    /**
     * Validates the approval.
     *
     * @param date the date of the approval
     * @param units units approved, positive
     * @param conditional whether conditions are still to be set
     */
    public Approval {
        if (date == null || units <= 0) {
            throw new IllegalArgumentException("an approval needs a date and a positive number of units, was "
                    + date + ":" + units);
        }
    }

    @Override
    public String toString() {
        return date + ":" + units + ":" + (conditional ? "conditional" : "final");
    }
}
