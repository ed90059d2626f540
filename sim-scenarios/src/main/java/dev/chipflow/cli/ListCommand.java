package dev.chipflow.cli;

import dev.chipflow.scenarios.NamedScenario;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.scenarios.PolicySweep;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code chipflow list}: the named scenarios and policy sweeps. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the named scenarios (for run and compare) and policy sweeps (for sweep).")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    ChipflowCli cli;

    @Override
    public Integer call() {
        PrintStream out = cli.out();
        out.println("Scenarios (chipflow run NAME, chipflow compare A B):");
        int w = 0;
        for (NamedScenario s : NamedScenarios.scenarios()) {
            w = Math.max(w, s.name().length());
        }
        for (PolicySweep p : NamedScenarios.sweeps()) {
            w = Math.max(w, p.name().length());
        }
        for (NamedScenario s : NamedScenarios.scenarios()) {
            out.println("  " + pad(s.name(), w) + "  " + s.description());
        }
        out.println();
        out.println("Policy sweeps (chipflow sweep NAME), each over a knob of its base scenario:");
        for (PolicySweep p : NamedScenarios.sweeps()) {
            List<String> labels = p.values().stream().map(PolicySweep.Value::label).toList();
            out.println("  " + pad(p.name(), w) + "  " + p.description() + ". Base " + p.base() + "; "
                    + p.knob() + ": " + String.join(", ", labels));
        }
        out.println();
        out.println("Examples:");
        out.println("  chipflow run historical-2026 --out report");
        out.println("  chipflow run orders-placed --set cap.ratio=0.25 --replications 40");
        out.println("  chipflow compare orders-placed orders-placed --set-b lab.lines=8 --out lab-compare");
        out.println("  chipflow sweep cap-ratio --out cap-sweep");
        out.println("  chipflow sweep orders-placed --knob lab.lines --values 2,4,8 --knob2 cap.ratio --values2 "
                + "0.25,0.5");
        out.println("  chipflow knobs            (every knob: default, range, unit, source, trust)");
        return 0;
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
