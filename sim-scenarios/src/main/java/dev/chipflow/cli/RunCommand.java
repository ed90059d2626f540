package dev.chipflow.cli;

import dev.chipflow.supply.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code chipflow run SCENARIO}: replications of one scenario, summarised. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run replications of one scenario and print per-firm deliveries with 95%% CIs, where the "
                + "units are held, and which stage holds them back. With --out, also write CSV files, charts, "
                + "report.html and manifest.json.", "",
            "Examples:",
            "  chipflow run historical-2026 --out report",
            "  chipflow run orders-placed --set cap.ratio=0.25 --set lab.lines=8",
            "  chipflow run --file my.scenario --replications 40", ""})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    ChipflowCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "A named scenario ('chipflow list') or a scenario file. May be left out with --file.")
    String scenario;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ExperimentOptions options;

    @Override
    public Integer call() {
        options.validate();
        Scenario s = ScenarioSources.resolve(scenario, scenarioOptions.file, scenarioOptions.sets, null);
        Experiments.run(cli, s, options);
        return 0;
    }
}
