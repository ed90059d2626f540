package dev.chipflow.scenarios;

import dev.chipflow.cli.ChipflowCli;

/**
 * The stress scenario, one replication by default (it executes tens of millions of events): {@code chipflow run
 * stress --replications 1}. Extra arguments are passed on and win, e.g. {@code --replications 3}.
 */
public final class Stress {

    private Stress() {
    }

    /** @param args more options of {@code chipflow run} */
    public static void main(String[] args) {
        ChipflowCli.main(Launch.args("run", NamedScenarios.STRESS, Launch.concat(new String[] {"--replications",
            "1"}, args)));
    }
}
