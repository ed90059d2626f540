package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/** An extra customs block of 0 to 90 days from 2026-06-01 (chipflow sweep customs-block). Extra arguments are passed on, e.g. {@code --replications 40 --out DIR}. */
public final class CustomsBlockSweep {

    private CustomsBlockSweep() {
    }

    /** @param args more options of {@code chipflow sweep} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("sweep", "customs-block", args));
    }
}
