package dev.chipflow.stats;

/**
 * The time average of a piecewise-constant value (a queue length, busy servers, an inventory level).
 *
 * <p>Call {@link #update(double, double)} whenever the value changes; the average over [start, t] is the integral of
 * the value divided by the elapsed time. {@link #reset(double)} starts a new window (after a warm-up).
 */
public final class TimeWeighted {

    private double start;
    private double lastTime;
    private double value;
    private double area;
    private double max;

    /**
     * @param time  the start of the observation window
     * @param value the value at that time
     */
    public TimeWeighted(double time, double value) {
        this.start = time;
        this.lastTime = time;
        this.value = value;
        this.max = value;
    }

    /**
     * Records that the value changes to {@code newValue} at {@code time}.
     *
     * @param time     not before the previous update
     * @param newValue the value from {@code time} on
     */
    public void update(double time, double newValue) {
        if (time < lastTime) {
            throw new IllegalArgumentException("time-weighted update at " + time + " is before the last one at "
                    + lastTime);
        }
        area += value * (time - lastTime);
        lastTime = time;
        value = newValue;
        if (newValue > max) {
            max = newValue;
        }
    }

    /**
     * Adds {@code delta} to the current value at {@code time}.
     *
     * @param time  the time of the change, not before the last one
     * @param delta the change of the value
     */
    public void add(double time, double delta) {
        update(time, value + delta);
    }

    /**
     * Starts a new window at {@code time}, keeping the current value.
     *
     * @param time the start of the new window, not before the last change
     */
    public void reset(double time) {
        update(time, value);
        start = time;
        area = 0;
        max = value;
    }

    /** @return the current value */
    public double value() {
        return value;
    }

    /** @return the largest value seen in the window */
    public double max() {
        return max;
    }

    /**
     * @param time the end of the window, not before the last update
     * @return the integral of the value over [start, time]
     */
    public double integral(double time) {
        if (time < lastTime) {
            throw new IllegalArgumentException("time " + time + " is before the last update at " + lastTime);
        }
        return area + value * (time - lastTime);
    }

    /**
     * @param time the end of the window
     * @return the time average over [start, time]; the current value if the window is empty
     */
    public double mean(double time) {
        double span = time - start;
        return span > 0 ? integral(time) / span : value;
    }
}
