package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/** The export cap ratio from 0 to 1 (chipflow sweep cap-ratio). Extra arguments are passed on, e.g. {@code --replications 40 --out DIR}. */
public final class CapRatioSweep {

    private CapRatioSweep() {
    }

    /** @param args more options of {@code chipflow sweep} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("sweep", "cap-ratio", args));
    }
}
