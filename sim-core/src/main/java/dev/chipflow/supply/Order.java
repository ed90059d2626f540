package dev.chipflow.supply;

import java.time.LocalDate;

/**
 * A firm's order for H200 units, placed on a date (orders placed before 2026-01-01 count from day 0).
 *
 * @param date  the date the order is placed
 * @param units units ordered, positive
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Order(LocalDate date, long units) implements java.io.Serializable {
    /**
     * Validates the order.
     *
     * @param date the date the order is placed
     * @param units units ordered, positive
     */
    public Order {
        if (date == null || units <= 0) {
            throw new IllegalArgumentException("an order needs a date and a positive number of units, was " + date
                    + ":" + units);
        }
    }

    @Override
    public String toString() {
        return date + ":" + units;
    }
}
