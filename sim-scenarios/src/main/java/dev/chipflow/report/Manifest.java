package dev.chipflow.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.chipflow.explain.Explain;
import dev.chipflow.explain.Explanation;
import dev.chipflow.explain.Rule;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.PolicyChange;
import dev.chipflow.supply.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json: what reproduces a report. It records chipflow's version and git commit, the command, every knob of
 * every scenario with a SHA-256 hash of the knob values, the seed, the replications, the random streams, the thread
 * count, and a SHA-256 hash of every other file of the report. {@code chipflow rerun manifest.json --out DIR} runs it
 * again; the files it writes are byte-identical to those listed here, whatever the thread count. The thread count is
 * the only field that depends on the machine (it changes no other file).
 */
public final class Manifest {

    /** The manifest's format version, raised when its fields change meaning. */
    public static final int FORMAT = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeNulls().create();

    private Manifest() {
    }

    /**
     * What every manifest holds.
     *
     * @param version      chipflow's version
     * @param gitCommit    the git commit chipflow was built from, or "unknown"
     * @param seed         the master seed
     * @param replications replications per scenario or point
     * @param threads      worker threads (changes no result)
     * @param streams      the names of the model's random streams
     * @param arguments    the command line as given
     * @param at           the analysis dates asked for ({@code --at}), which shape the files
     */
    public record Provenance(String version, String gitCommit, long seed, int replications, int threads,
            List<String> streams, List<String> arguments, List<String> at) {
    }

    /** @return the manifest of a run of one scenario */
    public static byte[] run(Provenance p, Scenario s, Map<String, byte[]> files) {
        Map<String, Object> m = head(p, "run");
        m.put("scenario", scenario(s));
        return tail(m, p, files);
    }

    /** @return the manifest of a comparison */
    public static byte[] comparison(Provenance p, Scenario a, Scenario b, Map<String, byte[]> files) {
        Map<String, Object> m = head(p, "compare");
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("a", scenario(a));
        both.put("b", scenario(b));
        m.put("scenarios", both);
        return tail(m, p, files);
    }

    /** @return the manifest of a sweep (or grid) over a base scenario */
    public static byte[] sweep(Provenance p, SweepAnalysis sw, Scenario base, Map<String, byte[]> files) {
        Map<String, Object> m = head(p, "sweep");
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("name", sw.name());
        def.put("knob", sw.knob());
        def.put("axisLabel", sw.axisLabel());
        def.put("labels", sw.labels());
        def.put("values", sw.knobValues());
        if (sw.isGrid()) {
            def.put("knob2", sw.knob2());
            def.put("axisLabel2", sw.axisLabel2());
            def.put("labels2", sw.labels2());
            def.put("values2", sw.knobValues2());
        }
        m.put("sweep", def);
        m.put("scenario", scenario(base));
        return tail(m, p, files);
    }

    /**
     * @return the manifest of an explanation: the scenario, the analysis dates, the budget (null: exact), the rules,
     *         and how the Shapley values were computed
     */
    public static byte[] explain(Provenance p, Explanation e, Long budget, Map<String, byte[]> files) {
        Map<String, Object> m = head(p, "explain");
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("dates", e.dates().stream().map(Object::toString).toList());
        def.put("budget", budget);
        def.put("rules", e.rules().stream().map(Rule::id).toList());
        def.put("method", e.exact() ? "exact" : "sampled");
        def.put("permutationsPerReplication", e.permutations());
        def.put("modelRuns", e.runs());
        def.put("permutationStream", Explain.PERMUTATION_STREAM);
        m.put("explain", def);
        m.put("scenario", scenario(e.scenario()));
        return tail(m, p, files);
    }

    /**
     * @param p          provenance
     * @param base       the scenario varied
     * @param definition what {@code chipflow rerun} needs to run the analysis again (method, sizes, factors, outputs)
     * @param files      the other files of the report
     * @return the manifest of a sensitivity analysis
     */
    public static byte[] sensitivity(Provenance p, Scenario base, Map<String, Object> definition,
            Map<String, byte[]> files) {
        Map<String, Object> m = head(p, "sensitivity");
        m.put("sensitivity", definition);
        m.put("scenario", scenario(base));
        return tail(m, p, files);
    }

    private static Map<String, Object> head(Provenance p, String command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "chipflow");
        m.put("manifestFormat", FORMAT);
        m.put("version", p.version());
        m.put("gitCommit", p.gitCommit());
        m.put("command", command);
        m.put("seed", p.seed());
        m.put("replications", p.replications());
        m.put("threads", p.threads());
        m.put("analysisDates", p.at());
        m.put("randomStreams", p.streams());
        return m;
    }

    private static byte[] tail(Map<String, Object> m, Provenance p, Map<String, byte[]> files) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            hashes.put(e.getKey(), sha256(e.getValue()));
        }
        m.put("files", hashes);
        m.put("arguments", p.arguments());
        m.put("rerun", "java -jar chipflow.jar rerun manifest.json --out DIR");
        m.put("note", "Rerunning gives files with the hashes above. 'threads' is the only field that depends on "
                + "the machine; it changes no result.");
        return (GSON.toJson(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> scenario(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("knobsSha256", knobsSha256(s));
        m.put("knobs", Knobs.values(s));
        // The knobs hold each change's value (knob@date); the sources and trust of the changes ride here.
        List<Map<String, String>> timeline = new ArrayList<>();
        for (PolicyChange c : s.timeline().changes()) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("date", c.date().toString());
            e.put("knob", c.knob());
            e.put("value", c.value());
            e.put("source", c.source());
            e.put("trust", c.trust());
            timeline.add(e);
        }
        m.put("timeline", timeline);
        return m;
    }

    /**
     * @param s a scenario
     * @return the SHA-256 (hex) of its knob values, as the lines {@code name=value\n} in {@link Knobs#values} order
     */
    public static String knobsSha256(Scenario s) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : Knobs.values(s).entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the SHA-256 of the bytes, hex */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
