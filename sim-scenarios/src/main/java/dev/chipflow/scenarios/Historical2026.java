package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/** The 2026 record (chipflow run historical-2026). Extra arguments are passed on, e.g. {@code --replications 40 --out DIR}. */
public final class Historical2026 {

    private Historical2026() {
    }

    /** @param args more options of {@code chipflow run} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("run", "historical-2026", args));
    }
}
