package dev.chipflow.cli;

import dev.chipflow.explain.Explain;
import dev.chipflow.explain.Rule;
import dev.chipflow.supply.Scenario;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code chipflow explain SCENARIO}: which rule holds the units back, by counterfactuals and Shapley values. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which rule holds the units back: run the scenario with every combination of its ten rules "
                + "lifted (2^10 = 1,024, with common random numbers) and give each rule its Shapley share of the "
                + "units ordered and not delivered by each analysis date, per firm and in all, with 95%% CIs; also "
                + "what lifting each rule alone gains and what keeping it alone costs. With --budget below "
                + "1,024 x replications, the shares are sampled from random orders of the rules. With --out, also "
                + "write explain.csv, shortfall.csv, charts, report.html and manifest.json.", "",
            "Examples:",
            "  chipflow explain historical-2026",
            "  chipflow explain orders-placed --at 2026-03-31,2026-06-30,2026-12-31 --out why",
            "  chipflow explain orders-placed --set cap.ratio=0.25 --replications 40 --budget 20000", ""})
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    ChipflowCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "A named scenario ('chipflow list') or a scenario file. May be left out with --file.")
    String scenario;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--budget", paramLabel = "RUNS",
            description = "Model runs allowed. Default: every subset (1,024 x replications, exact). Below that, "
                    + "random orders of the rules per replication (each adds at most 7 runs per replication to "
                    + "the 22 every replication needs).")
    Long budget;

    @Mixin
    ExperimentOptions options;

    /** The rules and their lifted forms, for the help's footer, in lines short enough for an 80-column terminal. */
    static String[] footer() {
        List<String> lines = new ArrayList<>(List.of("", "The rules and their lifted forms (transit is never lifted; "
                + "lifting a rule also", "removes the dated changes of its knobs):"));
        for (Rule r : Rule.values()) {
            wrap(lines, List.of((r.id() + " (" + r.label() + "): " + r.liftedForm()).split(" ")), "  ", " ");
            wrap(lines, List.of(r.liftedSettings().split(" ")), "      ", " ");
        }
        // picocli formats help text: a literal '%' (the 50% cap) is written '%%'.
        return lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    }

    /** Adds the words as lines of at most 78 characters, each starting with {@code indent}. */
    private static void wrap(List<String> lines, List<String> words, String indent, String sep) {
        StringBuilder line = new StringBuilder(indent);
        for (String w : words) {
            if (line.length() > indent.length() && line.length() + sep.length() + w.length() > 78) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            line.append(line.length() > indent.length() ? sep : "").append(w);
        }
        lines.add(line.toString());
    }

    @Override
    public Integer call() {
        options.validate();
        if (budget != null && budget < 1) {
            throw new UsageException("--budget must be at least 1 model run, was " + budget);
        }
        Scenario s = ScenarioSources.resolve(scenario, scenarioOptions.file, scenarioOptions.sets, null);
        List<LocalDate> dates = dates(s);
        try {
            Explain.permutations(Rule.values().length, options.replications, budget == null ? 0 : budget);
        } catch (IllegalArgumentException e) {
            throw new UsageException((budget == null ? "--replications: " : "--budget: ") + e.getMessage());
        }
        Experiments.explain(cli, s, dates, budget, options);
        return 0;
    }

    /** 2026-06-30 and the horizon's end, and the dates asked for with --at (as compare and sweep). */
    private List<LocalDate> dates(Scenario s) {
        java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>(Explain.defaultDates(s));
        dates.addAll(options.analysisDates());
        try {
            return Explain.checkDates(s, new ArrayList<>(dates));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--at: " + e.getMessage());
        }
    }
}
