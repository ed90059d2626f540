package dev.chipflow.supply;

/** How Nvidia shares scarce supply among firms' purchase orders. */
public enum AllocationPolicy {
    /** The purchase order placed first is served first, whatever the firm. */
    FCFS,
    /** The firm with the least allocated relative to its approved quantity is served next. */
    PRO_RATA,
    /** Firms in order of {@link Firm#priority()}, lowest first; FCFS within a firm. */
    PRIORITY
}
