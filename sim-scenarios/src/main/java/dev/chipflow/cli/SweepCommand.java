package dev.chipflow.cli;

import dev.chipflow.scenarios.KnobAssignment;
import dev.chipflow.scenarios.KnobAssignments;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.scenarios.PolicySweep;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code chipflow sweep}: a named policy sweep, or any knob of any scenario, or a grid over two knobs. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario at each value of a knob (or each cell of a two-knob grid), all points with "
                + "common random numbers, in parallel, and print units delivered per point with 95%% CIs.", "",
            "Examples:",
            "  chipflow sweep cap-ratio --out cap-sweep           (a named policy sweep; see 'chipflow list')",
            "  chipflow sweep orders-placed --knob lab.lines --values 1,2,4,8",
            "  chipflow sweep lab-lines --knob2 cap.ratio --values2 0.25,0.5,1     (a grid)",
            "  chipflow sweep orders-placed --knob customs.blocks --values "
                + "'none; 2026-06-01..2026-06-30'", ""})
final class SweepCommand implements Callable<Integer> {

    @ParentCommand
    ChipflowCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SWEEP|SCENARIO",
            description = "A named policy sweep, or the scenario to sweep (a name or a scenario file) with --knob.")
    String target;

    @Option(names = {"-k", "--knob"}, paramLabel = "KNOB", description = "The knob to sweep.")
    String knob;

    @Option(names = {"-v", "--values"}, paramLabel = "V1,V2,...",
            description = "Its values, separated by ',' (or by ';' when a value contains commas).")
    String values;

    @Option(names = "--knob2", paramLabel = "KNOB", description = "A second knob, for a grid over both.")
    String knob2;

    @Option(names = "--values2", paramLabel = "V1,V2,...", description = "The second knob's values.")
    String values2;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ExperimentOptions options;

    @Override
    public Integer call() {
        options.validate();
        if ((knob2 == null) != (values2 == null)) {
            throw new UsageException("--knob2 and --values2 go together");
        }
        if ((knob == null) != (values == null)) {
            throw new UsageException("--knob and --values go together");
        }
        Optional<PolicySweep> named = target == null ? Optional.empty() : NamedScenarios.sweep(target);
        String name;
        Scenario base;
        String k1;
        String axis1;
        List<String> labels1;
        List<String> values1;
        if (named.isPresent()) {
            PolicySweep p = named.get();
            if (knob != null) {
                throw new UsageException("sweep '" + p.name() + "' already sweeps " + p.knob()
                        + "; for a grid add --knob2/--values2, or sweep a scenario with --knob");
            }
            name = p.name();
            base = ScenarioSources.resolve(null, scenarioOptions.file, scenarioOptions.sets, p.base());
            k1 = p.knob();
            axis1 = p.axisLabel();
            labels1 = p.values().stream().map(PolicySweep.Value::label).toList();
            values1 = p.values().stream().map(PolicySweep.Value::knobValue).toList();
        } else {
            if (knob == null) {
                throw new UsageException(target == null
                        ? "name a policy sweep (" + String.join(", ", NamedScenarios.sweepNames())
                                + ") or a scenario with --knob and --values"
                        : "'" + target + "' is not a policy sweep (" + String.join(", ",
                                NamedScenarios.sweepNames()) + "); to sweep a scenario give --knob and --values");
            }
            base = ScenarioSources.resolve(target, scenarioOptions.file, scenarioOptions.sets, null);
            name = base.name() + "-" + knob;
            k1 = knob;
            axis1 = axisLabel(knob);
            values1 = SweepSpec.split("--values", values);
            labels1 = values1;
        }
        checkKnob(k1);
        String axis2 = null;
        List<String> v2 = List.of();
        if (knob2 != null) {
            checkKnob(knob2);
            if (knob2.equals(k1)) {
                throw new UsageException("--knob2 must differ from the swept knob " + k1);
            }
            axis2 = axisLabel(knob2);
            v2 = SweepSpec.split("--values2", values2);
            name = name + "-x-" + knob2;
        }
        SweepSpec spec = new SweepSpec(name, base, k1, axis1, labels1, values1, knob2, axis2, v2, v2);
        Experiments.sweep(cli, spec, options);
        return 0;
    }

    private static void checkKnob(String k) {
        KnobAssignments.checkName(new KnobAssignment(k, "", null));
    }

    private static boolean isKnob(String k) {
        return Knobs.all().stream().anyMatch(x -> x.name().equals(k));
    }

    private static String axisLabel(String knob) {
        if (isKnob(knob)) {
            var k = Knobs.knob(knob);
            return knob + " (" + k.unit() + ")";
        }
        return knob;
    }
}
