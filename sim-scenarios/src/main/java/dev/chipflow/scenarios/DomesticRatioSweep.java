package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/** The domestic-chip ratio from 0 to 2 (chipflow sweep domestic-ratio). Extra arguments are passed on, e.g. {@code --replications 40 --out DIR}. */
public final class DomesticRatioSweep {

    private DomesticRatioSweep() {
    }

    /** @param args more options of {@code chipflow sweep} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("sweep", "domestic-ratio", args));
    }
}
