package dev.chipflow.scenarios;

import dev.chipflow.supply.Scenario;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario file: a base scenario and knob values, one per line.
 *
 * <pre>
 * # A tighter export cap, otherwise as orders-placed.
 * base = orders-placed
 * name = tighter-cap
 * cap.ratio = 0.25
 * firm.ByteDance.orders = 2026-01-01:20000, 2026-01-24:280000
 * cap.ratio @ 2026-09-01 = 0.25
 * </pre>
 *
 * <p>Lines are {@code knob = value} with the knob's documented name ({@code chipflow knobs}); {@code #} starts a
 * comment (at the start of a line, or after a space); blank lines are ignored; {@code knob @ YYYY-MM-DD = value}
 * changes a rule from that date (see {@link dev.chipflow.supply.Knob#onChange()}); {@code base = NAME} names the scenario
 * to start from (else the one given on the command line, else {@code orders-placed}). A knob may appear once. A
 * file that sets nothing (empty, or only comments) is an error. Every error names the file and the line.
 *
 * @param path        the file
 * @param base        the base scenario's name, or null
 * @param baseOrigin  {@code file:line} of the {@code base} line, or null
 * @param assignments the knob lines, in file order
 */
public record ScenarioFile(Path path, String base, String baseOrigin, List<KnobAssignment> assignments) {

    /** The scenario a file starts from when it names no base and none is given. */
    public static final String DEFAULT_BASE = NamedScenarios.ORDERS_PLACED;

    /**
     * Copies the list.
     *
     * @param path the file
     * @param base the base scenario's name, or null
     * @param baseOrigin {@code file:line} of the {@code base} line, or null
     * @param assignments the knob lines, in file order
     */
    public ScenarioFile {
        assignments = List.copyOf(assignments);
    }

    /**
     * Reads and checks a scenario file: syntax, knob names, the base's name. Knob values are checked when the file is
     * applied ({@link #scenario(Scenario)}).
     *
     * @param path the file
     * @return the file's contents
     * @throws ScenarioException naming the file (and the line) of the first problem
     */
    public static ScenarioFile read(Path path) {
        String fileName = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("scenario file '" + path + "' does not exist");
        } catch (MalformedInputException e) {
            throw new ScenarioException("scenario file '" + path + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file '" + path + "': " + e.getMessage());
        }
        return parse(fileName, lines);
    }

    /**
     * Parses the lines of a scenario file.
     *
     * @param fileName the name used in error messages
     * @param lines    the file's lines
     * @return the file's contents (with {@link #path()} the file name)
     * @throws ScenarioException naming the file (and the line) of the first problem, or a file that sets nothing
     */
    public static ScenarioFile parse(String fileName, List<String> lines) {
        String base = null;
        String baseOrigin = null;
        List<KnobAssignment> assignments = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String where = fileName + ":" + lineNo;
            String line = stripComment(lines.get(i)).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ScenarioException(where + ": expected 'knob = value', found '" + line + "'");
            }
            String[] left = KnobAssignment.splitDate(line.substring(0, eq), where);
            String knob = left[0];
            LocalDate date = KnobAssignment.date(left[1], where);
            String value = line.substring(eq + 1).strip();
            if (knob.isEmpty()) {
                throw new ScenarioException(where + ": no knob name before '=' in '" + line + "'");
            }
            if (knob.contains(" ") || knob.contains("\t")) {
                throw new ScenarioException(where + ": knob name '" + knob + "' contains a space; expected "
                        + "'knob = value'");
            }
            if (value.isEmpty()) {
                throw new ScenarioException(where + ": no value for '" + knob + "'");
            }
            KnobAssignment a = new KnobAssignment(knob, date, value, where);
            Integer first = seen.putIfAbsent(a.label(), lineNo);
            if (first != null) {
                throw new ScenarioException(where + ": '" + a.label() + "' is set twice (first on line " + first
                        + ")");
            }
            if (knob.equals("base") && date == null) {
                if (NamedScenarios.find(value).isEmpty()) {
                    throw new ScenarioException(where + ": unknown base scenario '" + value + "'; known scenarios: "
                            + String.join(", ", NamedScenarios.scenarioNames()));
                }
                base = value;
                baseOrigin = where;
                continue;
            }
            KnobAssignments.checkName(a);
            assignments.add(a);
        }
        if (base == null && assignments.isEmpty()) {
            // Running the default scenario instead would pass off an empty or mistyped file as a real one.
            throw new ScenarioException(fileName + ": sets nothing (the file is " + (lines.isEmpty() ? "empty"
                    : "only blank lines and comments") + "); expected at least 'base = NAME' or one "
                    + "'knob = value' line");
        }
        return new ScenarioFile(Path.of(fileName), base, baseOrigin, assignments);
    }

    /** A '#' at the start of the line or after white space starts a comment (no knob value contains one). */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /**
     * Applies the file to its base scenario ({@link #base()}, else {@link #DEFAULT_BASE}).
     *
     * @return the scenario
     * @throws ScenarioException naming the file and line of a value that is not allowed
     */
    public Scenario scenario() {
        return scenario(NamedScenarios.get(base == null ? DEFAULT_BASE : base));
    }

    /**
     * Applies the file's knobs to a given scenario (the file's own {@code base} line is not consulted).
     *
     * @param start the scenario to start from
     * @return the scenario
     * @throws ScenarioException naming the file and line of a value that is not allowed
     */
    public Scenario scenario(Scenario start) {
        return KnobAssignments.apply(start, assignments);
    }
}
