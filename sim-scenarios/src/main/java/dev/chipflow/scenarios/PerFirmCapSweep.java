package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/** The 75k per-firm US cap on and off (chipflow sweep per-firm-cap). Extra arguments are passed on, e.g. {@code --replications 40 --out DIR}. */
public final class PerFirmCapSweep {

    private PerFirmCapSweep() {
    }

    /** @param args more options of {@code chipflow sweep} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("sweep", "per-firm-cap", args));
    }
}
