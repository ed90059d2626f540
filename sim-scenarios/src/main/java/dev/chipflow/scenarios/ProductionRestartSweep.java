package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/** Nvidia production restarting in Q2, Q3, Q4 or never (chipflow sweep production-restart). Extra arguments are passed on, e.g. {@code --replications 40 --out DIR}. */
public final class ProductionRestartSweep {

    private ProductionRestartSweep() {
    }

    /** @param args more options of {@code chipflow sweep} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("sweep", "production-restart", args));
    }
}
