package dev.chipflow.engine;

/**
 * Thrown by a {@link Simulator} run when more than {@link Simulator#stallLimit()} events in a row execute at one
 * instant: the clock makes no progress, typically because a handler keeps scheduling events with delay 0 (a stage
 * that re-checks itself "now" forever). The run stops after the event that passed the limit; nothing else is lost,
 * so the simulator can be inspected.
 *
 * <p>{@link #owner()} names the class that owns the handler of that last event (for a lambda or method reference
 * such as {@code this::release} in {@code CapLedger}, {@code "CapLedger"}), so that a caller can map it to a stage.
 */
public final class StalledClockException extends RuntimeException {

    /** The clock, in days, at which the run stalled. */
    private final double instant;
    /** The top-level class that made the last event's handler, or its class name if unknown. */
    private final String owner;
    /** The JVM name of the class of the last event's handler. */
    private final String handlerClassName;
    /** The stall limit that was passed. */
    private final long limit;

    /**
     * @param instant          the clock, in days, at which the run stalled
     * @param handlerClassName the JVM name of the class of the last event's handler
     * @param limit            the stall limit that was passed
     */
    public StalledClockException(double instant, String handlerClassName, long limit) {
        super(message(instant, ownerOf(handlerClassName), handlerClassName, limit));
        this.instant = instant;
        this.owner = ownerOf(handlerClassName);
        this.handlerClassName = handlerClassName;
        this.limit = limit;
    }

    private static String message(double instant, String owner, String handlerClassName, long limit) {
        return "simulation clock stalled at day " + instant + ": more than " + limit
                + " events in a row ran at that instant, the last one handled by " + owner + " (" + handlerClassName
                + "), which keeps scheduling events at that time (Simulator.setStallLimit raises the limit)";
    }

    /**
     * The top-level class that declares a handler class, without its package: for
     * {@code dev.chipflow.supply.CapLedger$$Lambda/0x0000012345} (a lambda or method reference, JDK 21), as for
     * {@code dev.chipflow.supply.CapLedger$$Lambda$57/0x0000012345} (JDK 17), {@code dev.chipflow.supply.CapLedger$1}
     * (anonymous) or {@code dev.chipflow.supply.CapLedger$Recheck} (nested), it is {@code CapLedger}.
     *
     * @param className a class name as {@link Class#getName()} gives it
     * @return the simple name of the class that owns it
     */
    static String ownerOf(String className) {
        String outermost = className.split("[$/]", 2)[0];
        return outermost.substring(outermost.lastIndexOf('.') + 1);
    }

    /** @return the clock, in days, at which the run stalled: the time of every event counted */
    public double instant() {
        return instant;
    }

    /** @return the simple name of the class that owns the handler of the last event (e.g. {@code "CapLedger"}) */
    public String owner() {
        return owner;
    }

    /** @return the JVM name of the last event's handler class (for a lambda, a hidden class of the owner) */
    public String handlerClassName() {
        return handlerClassName;
    }

    /** @return the stall limit that was passed: this many events in a row at one instant are allowed */
    public long limit() {
        return limit;
    }
}
