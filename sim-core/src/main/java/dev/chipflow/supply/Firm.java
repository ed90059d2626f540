package dev.chipflow.supply;

import java.util.List;

/**
 * A Chinese buyer: its orders, the approvals China gave it, and its rank under fixed-priority allocation.
 *
 * @param name      unique name, e.g. {@code ByteDance}; letters, digits, '-' and '_' only
 * @param orders    orders, any order of dates
 * @param approvals Chinese approvals; none means the firm is still in the queue
 * @param priority  rank under {@link AllocationPolicy#PRIORITY}: lower is served first
 *
 * @serial exclude (serializable only to travel to Spark executors)
 */
public record Firm(String name, List<Order> orders, List<Approval> approvals, int priority) implements java.io.Serializable {

    /** The largest rank a firm may have. */
    public static final int MAX_PRIORITY = 1_000_000;

    /**
     * Validates and copies.
     *
     * @param name unique name, e.g. {@code ByteDance}; letters, digits, '-' and '_' only
     * @param orders orders, any order of dates
     * @param approvals Chinese approvals; none means the firm is still in the queue
     * @param priority rank under {@link AllocationPolicy#PRIORITY}: lower is served first
     */
    public Firm {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidKnobException("firm name", String.valueOf(name),
                    "letters, digits, '-' and '_' only (it is used in knob names like firm.NAME.orders)");
        }
        orders = List.copyOf(orders);
        approvals = List.copyOf(approvals);
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new InvalidKnobException("firm." + name + ".priority", Integer.toString(priority),
                    "a whole number in [0, " + MAX_PRIORITY + "]");
        }
    }

    /** @return total units ordered */
    public long orderedUnits() {
        return orders.stream().mapToLong(Order::units).sum();
    }

    /** @return total units approved */
    public long approvedUnits() {
        return approvals.stream().mapToLong(Approval::units).sum();
    }

    /**
     * @param o the orders
     * @return a copy with other orders
     */
    public Firm withOrders(List<Order> o) {
        return new Firm(name, o, approvals, priority);
    }

    /**
     * @param a the approvals
     * @return a copy with other approvals
     */
    public Firm withApprovals(List<Approval> a) {
        return new Firm(name, orders, a, priority);
    }

    /**
     * @param p the priority
     * @return a copy with another priority
     */
    public Firm withPriority(int p) {
        return new Firm(name, orders, approvals, p);
    }
}
