package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/** Orders placed: deliveries per firm through 2026-12-31 (chipflow run orders-placed). Extra arguments are passed on, e.g. {@code --replications 40 --out DIR}. */
public final class OrdersPlaced {

    private OrdersPlaced() {
    }

    /** @param args more options of {@code chipflow run} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("run", "orders-placed", args));
    }
}
