package dev.chipflow.cli;

import dev.chipflow.scenarios.KnobAssignments;
import dev.chipflow.supply.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code chipflow compare A B}: two scenarios with common random numbers. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run two scenarios with common random numbers (replication i of both uses the same random "
                + "streams) and print the difference B - A of every output with its 95%% CI.", "",
            "Examples:",
            "  chipflow compare historical-2026 orders-placed",
            "  chipflow compare orders-placed orders-placed --set-b cap.ratio=0.25 --out cap-compare", ""})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    ChipflowCli cli;

    @Parameters(index = "0", paramLabel = "A", description = "The first scenario: a name or a scenario file.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The second scenario: a name or a scenario file.")
    String b;

    @Option(names = {"-s", "--set"}, paramLabel = "KNOB=VALUE",
            description = "Override a knob in both scenarios. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--set-a", paramLabel = "KNOB=VALUE", description = "Override a knob in A only. Repeatable.")
    List<String> setsA = new ArrayList<>();

    @Option(names = "--set-b", paramLabel = "KNOB=VALUE", description = "Override a knob in B only. Repeatable.")
    List<String> setsB = new ArrayList<>();

    @Mixin
    ExperimentOptions options;

    @Override
    public Integer call() {
        options.validate();
        Scenario sa = ScenarioSources.resolve(a, null, sets, null);
        Scenario sb = ScenarioSources.resolve(b, null, sets, null);
        sa = KnobAssignments.apply(sa, ScenarioSources.parseSets("--set-a", setsA));
        sb = KnobAssignments.apply(sb, ScenarioSources.parseSets("--set-b", setsB));
        if (sa.name().equals(sb.name())) {
            // Tell the two apart in tables and charts by what was set on each.
            sa = setsA.isEmpty() ? sa : sa.toBuilder().name(sa.name() + " with " + String.join(", ", setsA)).build();
            sb = setsB.isEmpty() ? sb : sb.toBuilder().name(sb.name() + " with " + String.join(", ", setsB)).build();
        }
        Experiments.compare(cli, sa, sb, options);
        return 0;
    }
}
