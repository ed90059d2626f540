package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/** Test lab lines from 1 to 20 (chipflow sweep lab-lines). Extra arguments are passed on, e.g. {@code --replications 40 --out DIR}. */
public final class LabLinesSweep {

    private LabLinesSweep() {
    }

    /** @param args more options of {@code chipflow sweep} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("sweep", "lab-lines", args));
    }
}
