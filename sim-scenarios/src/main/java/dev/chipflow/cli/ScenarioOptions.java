package dev.chipflow.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that change the scenario: a scenario file and knob overrides. */
final class ScenarioOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "A scenario file (lines 'knob = value', '#' comments, optional 'base = NAME'; see README) "
                    + "or a run's manifest.json.")
    Path file;

    @Option(names = {"-s", "--set"}, paramLabel = "KNOB=VALUE",
            description = "Override a knob by its documented name, e.g. --set cap.ratio=0.25 or "
                    + "--set firm.ByteDance.orders=2026-01-24:280000. Repeatable; applied after --file. "
                    + "'chipflow knobs' lists the names.")
    List<String> sets = new ArrayList<>();
}
