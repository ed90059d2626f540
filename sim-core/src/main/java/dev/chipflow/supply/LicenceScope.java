package dev.chipflow.supply;

/** What one US licence covers. */
public enum LicenceScope {
    /** One licence per firm, applied for with the firm's first purchase order. */
    FIRM,
    /** One licence per order, applied for with that order's first purchase order. */
    ORDER
}
