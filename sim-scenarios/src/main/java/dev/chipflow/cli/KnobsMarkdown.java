package dev.chipflow.cli;

import dev.chipflow.random.Distribution;
import dev.chipflow.supply.Compute;
import dev.chipflow.supply.Firm;
import dev.chipflow.supply.Knob;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Order;
import dev.chipflow.supply.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The knob registry ({@link Knobs#all()}) as a markdown page: {@code chipflow knobs --format markdown}, committed as
 * {@code docs/calibration.md}. Generated rather than written so that the page cannot drift from the code; the test
 * {@code CalibrationDocTest} fails when the committed page is stale.
 *
 * <p>The output is deterministic (no date, version or commit in it) and uses {@code \n} line ends on every platform,
 * so that regenerating an unchanged registry gives the same bytes.
 */
final class KnobsMarkdown {

    /** The command that writes the committed page, run from the repository root. */
    static final String REGENERATE = "java -jar sim-scenarios/target/chipflow.jar knobs --format markdown "
            + "> docs/calibration.md";

    /**
     * Knob name prefix to the heading of its section. Prefixes that belong to one stage share a heading; a prefix
     * missing here still gets a section (headed by the prefix), so a new knob can never drop out of the page.
     */
    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("name", "The run"),
            Map.entry("horizon", "The run"),
            Map.entry("china", "China's approval (china, ndrc)"),
            Map.entry("ndrc", "China's approval (china, ndrc)"),
            Map.entry("domestic", "Domestic chips (domestic)"),
            Map.entry("supply", "Nvidia supply (supply)"),
            Map.entry("licence", "US licence (licence)"),
            Map.entry("cap", "The export cap (cap)"),
            Map.entry("lab", "Third-party test in a US lab (lab)"),
            Map.entry("transit", "Transit and Chinese customs (transit, customs)"),
            Map.entry("customs", "Transit and Chinese customs (transit, customs)"),
            Map.entry("shipment", "Shipments and market (shipment, market)"),
            Map.entry("market", "Shipments and market (shipment, market)"));

    private final StringBuilder page = new StringBuilder();

    private KnobsMarkdown() {
    }

    /**
     * @param shown    the scenario whose values get their own column, or null for the defaults alone
     * @param defaults the default scenario ({@link Scenario#builder()})
     * @return the whole page
     */
    static String page(Scenario shown, Scenario defaults) {
        KnobsMarkdown m = new KnobsMarkdown();
        m.intro();
        m.knobTables(shown, defaults);
        m.firms(shown, defaults);
        m.chips();
        m.regenerate();
        return m.page.toString();
    }

    /**
     * Makes text safe inside a table cell: a pipe would end the cell and a line break the row.
     *
     * @param text any text
     * @return the text with {@code |} escaped and line breaks turned into spaces (backslashes are left alone: no
     *         knob text has one, and inside a code span GitHub would show a doubled one)
     */
    static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", " ");
    }

    private void line(String text) {
        page.append(text).append('\n');
    }

    private void row(String... cells) {
        StringBuilder r = new StringBuilder("|");
        for (String c : cells) {
            r.append(' ').append(c).append(" |");
        }
        line(r.toString());
    }

    private void header(String... names) {
        row(names);
        String[] rule = new String[names.length];
        Arrays.fill(rule, "---");
        row(rule);
    }

    private void intro() {
        line("# Calibration: every knob");
        line("");
        line("<!-- Generated from the knob registry (dev.chipflow.supply.Knobs) by `chipflow knobs --format "
                + "markdown`. Do not edit by hand: change the registry, then regenerate (see the end of the page). "
                + "-->");
        line("");
        line("A knob is one named setting of a scenario: a number, a date, a distribution of days, a list of date "
                + "windows or a switch. Every rule of the model ([model.md](model.md)) reads its figures from knobs, "
                + "so a policy variant is a change of knobs and nothing else. The defaults below are the "
                + "`orders-placed` reading of 2026 (China's conditions become final, 60% of approved units become "
                + "purchase orders); the `historical-2026` scenario changes a few of them to match the dated record "
                + "([record-2026.md](record-2026.md)); `chipflow knobs historical-2026` shows which. Day 0 of the "
                + "simulated calendar is 2026-01-01.");
        line("");
        line("## Setting a knob");
        line("");
        line("- On the command line: `--set NAME=VALUE`, repeatable, e.g. `--set cap.ratio=0.25`.");
        line("- In a scenario file (`--file`): a line `NAME = VALUE`.");
        line("- From a date on: `--set NAME@YYYY-MM-DD=VALUE`, or in a scenario file `NAME @ YYYY-MM-DD = VALUE`. "
                + "The knob keeps its value until the start of that day and has the new one from then on; the run "
                + "before the date is untouched and nothing already done is undone (a unit that left a stage stays "
                + "gone, a granted licence stays granted, a delay already drawn stands). What the change does is "
                + "given per knob in the column *from a date*, where D stands for the date of the change; a knob that "
                + "cannot change mid-run says why.");
        line("");
        line("Values: plain decimal numbers (`0.5`, `20000`, `1e3`); `unlimited` where a cap or the lab lines may "
                + "have no limit; dates `YYYY-MM-DD`; date windows `FROM..TO` (both days included), comma-separated, "
                + "or `none`; `true`/`false`; distributions of days: " + Distribution.FORMS + ".");
        line("");
        line("## Trust");
        line("");
        line("Each default names its source and how far to trust it:");
        line("");
        header("trust", "meaning");
        row("H", "the text of the rule itself, or several reports that agree");
        row("M", "one reputable report, often known only second-hand");
        row("L", "an estimate, or a source that is unclear");
        row("assumption", "no public source at all: the default is a placeholder to sweep over its range, and "
                + "every report lists these knobs with their values");
        line("");
        line("Two levels (`M/L`) mean that parts of the figure rest on sources of different strength. The "
                + "*calibrated* range is the range a sweep should cover; *allowed* is what the model accepts "
                + "(anything else is refused with a message naming the knob).");
    }

    private void knobTables(Scenario shown, Scenario defaults) {
        Map<String, List<Knob>> sections = new LinkedHashMap<>();
        for (Knob k : Knobs.all()) {
            String prefix = k.name().contains(".") ? k.name().substring(0, k.name().indexOf('.')) : k.name();
            sections.computeIfAbsent(SECTIONS.getOrDefault(prefix, prefix), s -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<String, List<Knob>> s : sections.entrySet()) {
            line("");
            line("## " + s.getKey());
            line("");
            List<String> names = new ArrayList<>(List.of("knob", "default"));
            if (shown != null) {
                names.add("in " + cell(shown.name()));
            }
            names.addAll(List.of("allowed", "calibrated", "unit", "source", "trust"));
            header(names.toArray(String[]::new));
            for (Knob k : s.getValue()) {
                List<String> cells = new ArrayList<>(List.of(code(k.name()), code(k.get(defaults))));
                if (shown != null) {
                    cells.add(code(Knobs.valueOverTime(shown, k.name())));
                }
                cells.addAll(List.of(cell(allowed(k)), cell(k.calibrated()), cell(k.unit()), cell(k.source()),
                        cell(k.trust())));
                row(cells.toArray(String[]::new));
            }
            line("");
            header("knob", "what it is", "from a date");
            for (Knob k : s.getValue()) {
                row(code(k.name()), cell(k.description()), cell(fromADate(k)));
            }
        }
    }

    /** The long list of distribution forms is given once in the introduction, not in every row. */
    private static String allowed(Knob k) {
        return k.allowed().replace(": " + Distribution.FORMS, " (see *Values*)");
    }

    private static String fromADate(Knob k) {
        if (k.changesMidRun()) {
            return k.onChange();
        }
        return "Cannot change mid-run: " + k.whyFixed() + ".";
    }

    private static String code(String value) {
        return "`" + cell(value) + "`";
    }

    private void firms(Scenario shown, Scenario defaults) {
        Scenario s = shown == null ? defaults : shown;
        line("");
        line("## Per-firm knobs and " + (shown == null ? "the default firms" : "the firms of " + cell(s.name())));
        line("");
        line("Each firm has three knobs: `firm.NAME.orders` (`DATE:UNITS, ...`), `firm.NAME.approvals` "
                + "(`DATE:UNITS:conditional` or `:final`, ...) and `firm.NAME.priority` (a whole number, used by the "
                + "`PRIORITY` allocation). Setting the orders of a new NAME adds a firm. The default firms are the "
                + "buyers of the 2026 record; the total ordered is the reported figure, while its split among firms, "
                + "the split of the first approved batch and DeepSeek's amount are assumptions "
                + "([record-2026.md](record-2026.md)). `Others` stands for the firms still waiting for China's "
                + "approval.");
        line("");
        header("firm", "orders", "approvals", "priority");
        long total = 0;
        for (Firm f : s.firms()) {
            String n = "firm." + f.name() + ".";
            row(cell(f.name()), code(Knobs.get(s, n + "orders")), code(Knobs.get(s, n + "approvals")),
                    Integer.toString(f.priority()));
            total += f.orders().stream().mapToLong(Order::units).sum();
        }
        line("");
        line("Ordered in all: " + String.format(Locale.ROOT, "%,d", total) + " units.");
    }

    private void chips() {
        line("");
        line("## Chip figures (not knobs)");
        line("");
        line("Facts about the chips, not policy, so they are constants (`dev.chipflow.supply.Compute`). They turn "
                + "delivered units into H20 equivalents (by TPP) and into PFLOPS (dense BF16).");
        line("");
        header("figure", "value", "source", "trust");
        row("H200 dense BF16, TFLOPS", num(Compute.H200_BF16_TFLOPS), "vendor sheet", "H");
        row("H200 total processing performance (TPP)", num(Compute.H200_TPP), "Dec 2025 reports", "H");
        row("H20 dense BF16, TFLOPS", num(Compute.H20_BF16_TFLOPS), "secondary", "M");
        row("H20 TPP", num(Compute.H20_TPP), "secondary", "M");
        row("Huawei Ascend 910C dense BF16, TFLOPS", num(Compute.ASCEND_910C_BF16_TFLOPS),
                "The Register via secondary", "M");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : Double.toString(v);
    }

    private void regenerate() {
        line("");
        line("## Regenerating this page");
        line("");
        line("From the repository root, after a build (`mvn -B -DskipTests package`):");
        line("");
        line("    " + REGENERATE);
        line("");
        line("The build's tests fail while the committed page differs from what this command prints.");
    }
}
