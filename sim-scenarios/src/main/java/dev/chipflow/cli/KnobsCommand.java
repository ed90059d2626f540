package dev.chipflow.cli;

import dev.chipflow.report.CsvReports;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chipflow knobs}: every knob with its default, range, unit, source and trust, as plain text, CSV or the
 * markdown page committed as {@code docs/calibration.md}.
 */
@Command(name = "knobs", mixinStandardHelpOptions = true,
        description = {"List every knob: name, value (the default, or in SCENARIO), what is allowed, the calibrated "
                + "range (docs/calibration.md), unit, source and trust (H, M, L or assumption).",
            "Set knobs with --set NAME=VALUE or in a scenario file."})
final class KnobsCommand implements Callable<Integer> {

    /** How the knobs are printed. */
    enum Format {
        /** Readable text, a paragraph per knob. */
        PLAIN,
        /** One row per knob. */
        CSV,
        /** The page docs/calibration.md, generated from the registry. */
        MARKDOWN
    }

    @ParentCommand
    ChipflowCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Show the values in this scenario (a name or a scenario file) instead of the defaults.")
    String scenario;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "plain (the default), csv (one row per knob) or markdown (the page docs/calibration.md "
                    + "is generated from).")
    Format format;

    // Kept from before --format existed, so that scripts calling --csv go on working.
    @Option(names = "--csv", description = "Same as --format csv.")
    boolean csv;

    @Override
    public Integer call() {
        if (csv && format != null && format != Format.CSV) {
            throw new UsageException("--csv and --format " + format.name().toLowerCase(Locale.ROOT)
                    + " ask for two formats; give one");
        }
        Format chosen = csv ? Format.CSV : format == null ? Format.PLAIN : format;
        Scenario defaults = Scenario.builder().build();
        Scenario s = scenario == null ? defaults : ScenarioSources.resolve(scenario, null, List.of(), null);
        PrintStream out = cli.out();
        if (chosen == Format.MARKDOWN) {
            out.print(KnobsMarkdown.page(scenario == null ? null : s, defaults));
            return 0;
        }
        if (chosen == Format.CSV) {
            StringWriter text = new StringWriter();
            try (CSVPrinter p = new CSVPrinter(text, CsvReports.FORMAT)) {
                p.printRecord("name", "value", "default", "allowed", "calibrated", "unit", "source", "trust",
                        "description");
                for (Knob k : Knobs.all()) {
                    p.printRecord(k.name(), Knobs.valueOverTime(s, k.name()), k.get(defaults), k.allowed(), k.calibrated(), k.unit(),
                            k.source(), k.trust(), k.description());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.print(text);
            return 0;
        }
        out.println(scenario == null ? "Knobs and their defaults (docs/calibration.md):"
                : "Knobs of " + s.name() + " (default in parentheses where it differs):");
        for (Knob k : Knobs.all()) {
            String value = Knobs.valueOverTime(s, k.name());
            String def = k.get(defaults);
            out.println();
            out.println(k.name() + " = " + value + (value.equals(def) ? "" : "   (default " + def + ")")
                    + "   [" + k.unit() + "]   trust: " + k.trust());
            out.println("    " + k.description());
            out.println("    allowed: " + k.allowed() + "; calibrated range: " + k.calibrated());
            out.println("    source: " + k.source());
            out.println("    from a date (" + k.name() + "@YYYY-MM-DD=VALUE): " + (k.changesMidRun() ? k.onChange()
                    : "cannot change mid-run: " + k.whyFixed()));
        }
        out.println();
        out.println("Per-firm knobs (firm.NAME.orders = DATE:UNITS, ...; firm.NAME.approvals = "
                + "DATE:UNITS:conditional|final, ...; firm.NAME.priority = N); setting the orders of a new NAME "
                + "adds a firm:");
        for (Firm f : s.firms()) {
            out.println("  firm." + f.name() + ".orders = " + Knobs.get(s, "firm." + f.name() + ".orders"));
            out.println("  firm." + f.name() + ".approvals = " + Knobs.get(s, "firm." + f.name() + ".approvals"));
            out.println("  firm." + f.name() + ".priority = " + f.priority());
            if (s.firms().size() > 20 && f == s.firms().get(19)) {
                out.println("  ... " + (s.firms().size() - 20) + " more firms");
                break;
            }
        }
        return 0;
    }
}
