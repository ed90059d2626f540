package dev.chipflow.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns JMH JSON result files ({@code -rf json}) into the markdown tables of {@code RESULTS.md}: ns per hold per
 * implementation and size with the ratio to the baseline, bytes per operation, engine events per second, replication
 * throughput, the full model's replications and events per second, a check of each performance target, and any
 * other benchmark as plain rows.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.chipflow.bench.ResultsTable out.md results1.json results2.json ...
 * }</pre>
 */
public final class ResultsTable {

    /** One JMH result row. */
    record Row(String benchmark, Map<String, String> params, double score, double error, String unit,
            Map<String, Double> secondary) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    private final List<Row> rows;
    private final StringBuilder out = new StringBuilder();

    private ResultsTable(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * @param args the markdown file to write, then the JSON result files
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ResultsTable OUT.md RESULTS.json...");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            rows.addAll(read(Path.of(args[i])));
        }
        String md = new ResultsTable(rows).render();
        Files.writeString(Path.of(args[0]), md, StandardCharsets.UTF_8);
        System.out.print(md);
    }

    static List<Row> read(Path json) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            if (!root.isJsonArray()) {
                return rows;
            }
            for (JsonElement e : root.getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                String name = o.get("benchmark").getAsString();
                Map<String, String> params = new LinkedHashMap<>();
                if (o.has("params")) {
                    for (var p : o.getAsJsonObject("params").entrySet()) {
                        params.put(p.getKey(), p.getValue().getAsString());
                    }
                }
                JsonObject primary = o.getAsJsonObject("primaryMetric");
                Map<String, Double> secondary = new LinkedHashMap<>();
                if (o.has("secondaryMetrics")) {
                    for (var s : o.getAsJsonObject("secondaryMetrics").entrySet()) {
                        // JMH before 1.35 prefixed profiler metrics with a middle dot.
                        String key = s.getKey().replaceFirst("^[^A-Za-z]+", "");
                        secondary.put(key, number(s.getValue().getAsJsonObject().get("score")));
                    }
                }
                rows.add(new Row(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), params,
                        number(primary.get("score")), number(primary.get("scoreError")),
                        primary.get("scoreUnit").getAsString(), secondary));
            }
        }
        return rows;
    }

    private static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        if (e instanceof JsonArray) {
            return Double.NaN;
        }
        String s = e.getAsString();
        return "NaN".equals(s) ? Double.NaN : Double.parseDouble(s);
    }

    String render() {
        out.append("# chipflow benchmark results\n\n");
        holdTables("HoldBenchmark.hold", "Hold model", "REFERENCE");
        holdTables("HoldWithCancelBenchmark.holdAndCancel", "Hold model with 12.5% cancellations",
                "PRIORITY_QUEUE");
        engineTable();
        replicationTable();
        fullModelTable();
        targets();
        otherRows();
        return out.toString();
    }

    private List<Row> of(String benchmark) {
        List<Row> r = new ArrayList<>();
        for (Row row : rows) {
            if (row.benchmark().equals(benchmark)) {
                r.add(row);
            }
        }
        return r;
    }

    private Row find(String benchmark, String param, String value, String n) {
        for (Row row : of(benchmark)) {
            if (row.param(param).equals(value) && (n == null || row.param("n").equals(n))) {
                return row;
            }
        }
        return null;
    }

    private void holdTables(String benchmark, String title, String baseline) {
        List<Row> r = of(benchmark);
        if (r.isEmpty()) {
            return;
        }
        Set<String> impls = new TreeSet<>(Comparator.comparingInt(ResultsTable::order).thenComparing(i -> i));
        Set<Integer> sizes = new TreeSet<>();
        for (Row row : r) {
            impls.add(row.param("impl"));
            sizes.add(Integer.parseInt(row.param("n")));
        }
        out.append("## ").append(title).append(" (ns/op; in brackets: time / ").append(baseline).append(")\n\n");
        header("impl", sizes);
        for (String impl : impls) {
            out.append("| ").append(impl);
            for (int n : sizes) {
                Row row = find(benchmark, "impl", impl, Integer.toString(n));
                Row base = find(benchmark, "impl", baseline, Integer.toString(n));
                out.append(" | ");
                if (row != null) {
                    out.append(fmt(row.score()));
                    if (base != null) {
                        out.append(" (").append(String.format(Locale.ROOT, "%.2f", row.score() / base.score()))
                                .append(")");
                    }
                }
            }
            out.append(" |\n");
        }
        out.append('\n');
        if (r.stream().anyMatch(row -> row.secondary().containsKey("gc.alloc.rate.norm"))) {
            out.append("Bytes allocated per operation (`-prof gc`, gc.alloc.rate.norm):\n\n");
            header("impl", sizes);
            for (String impl : impls) {
                out.append("| ").append(impl);
                for (int n : sizes) {
                    Row row = find(benchmark, "impl", impl, Integer.toString(n));
                    out.append(" | ");
                    if (row != null && row.secondary().containsKey("gc.alloc.rate.norm")) {
                        out.append(String.format(Locale.ROOT, "%.2f", row.secondary().get("gc.alloc.rate.norm")));
                    }
                }
                out.append(" |\n");
            }
            out.append('\n');
        }
    }

    /** Tables list the implementations in the order of {@link EventListImpl}, unknown ones last. */
    private static int order(String impl) {
        for (EventListImpl e : EventListImpl.values()) {
            if (e.name().equals(impl)) {
                return e.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    private void header(String first, Set<Integer> sizes) {
        out.append("| ").append(first);
        for (int n : sizes) {
            out.append(" | n = ").append(n);
        }
        out.append(" |\n|---");
        for (int i = 0; i < sizes.size(); i++) {
            out.append("|---:");
        }
        out.append("|\n");
    }

    private double eventsPerSecond(Row row) {
        return row.secondary().getOrDefault("events", Double.NaN);
    }

    private void engineTable() {
        List<Row> r = of("EngineBenchmark.mmc");
        if (r.isEmpty()) {
            return;
        }
        Row ssj = find("EngineBenchmark.mmc", "engine", "SSJ", null);
        out.append("## Engine: M/M/4 at utilisation 0.8, steady state\n\n");
        out.append("| engine | events/s | x SSJ | B/event |\n|---|---:|---:|---:|\n");
        for (Row row : r) {
            double eps = eventsPerSecond(row);
            double eventsPerCall = eps / row.score();
            Double bytes = row.secondary().get("gc.alloc.rate.norm");
            out.append("| ").append(row.param("engine")).append(" | ").append(fmt(eps)).append(" | ")
                    .append(ssj == null ? "" : String.format(Locale.ROOT, "%.2f", eps / eventsPerSecond(ssj)))
                    .append(" | ")
                    .append(bytes == null ? "" : String.format(Locale.ROOT, "%.2f", bytes / eventsPerCall))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private void replicationTable() {
        List<Row> r = of("ReplicationBenchmark.replications");
        if (r.isEmpty()) {
            return;
        }
        Row one = find("ReplicationBenchmark.replications", "threads", "1", null);
        out.append("## Replications (M/M/4, ~7,000 events each) through ReplicationRunner\n\n");
        out.append("| threads | replications/s | speed-up |\n|---|---:|---:|\n");
        for (Row row : r) {
            String t = row.param("threads");
            out.append("| ").append("0".equals(t) ? "all cores (" + Runtime.getRuntime().availableProcessors() + ")"
                    : t).append(" | ").append(fmt(row.score())).append(" | ")
                    .append(one == null ? "" : String.format(Locale.ROOT, "%.2f", row.score() / one.score()))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private void fullModelTable() {
        List<Row> r = of("FullModelBenchmark.replication");
        if (r.isEmpty()) {
            return;
        }
        out.append("## Full model: one replication of a named scenario, one thread\n\n");
        out.append("| scenario | replications/s | events/s | events/replication | MB/replication |\n"
                + "|---|---:|---:|---:|---:|\n");
        for (Row row : r) {
            double eps = eventsPerSecond(row);
            Double bytes = row.secondary().get("gc.alloc.rate.norm");
            out.append("| ").append(row.param("scenario")).append(" | ").append(fmt(row.score())).append(" | ")
                    .append(fmt(eps)).append(" | ").append(fmt(eps / row.score())).append(" | ")
                    .append(bytes == null ? "" : String.format(Locale.ROOT, "%.1f", bytes / 1e6)).append(" |\n");
        }
        out.append('\n');
    }

    private void targets() {
        List<String> lines = new ArrayList<>();
        String hold = "HoldBenchmark.hold";
        for (String impl : List.of("CHIPFLOW", "CHIPFLOW_LADDER")) {
            for (String n : List.of("1000", "10000", "100000", "1000000")) {
                ratio(lines, impl + " / REFERENCE at n = " + n + " <= 1.25", find(hold, "impl", impl, n),
                        find(hold, "impl", "REFERENCE", n), 1.25, false);
            }
            for (String n : List.of("100000", "1000000")) {
                ratio(lines, "PRIORITY_QUEUE / " + impl + " at n = " + n + " >= 2",
                        find(hold, "impl", "PRIORITY_QUEUE", n), find(hold, "impl", impl, n), 2, true);
            }
            Row bestSsj = null;
            for (Row row : of(hold)) {
                if (row.param("impl").startsWith("SSJ_") && row.param("n").equals("100000")
                        && (bestSsj == null || row.score() < bestSsj.score())) {
                    bestSsj = row;
                }
            }
            ratio(lines, "fastest SSJ list" + (bestSsj == null ? "" : " (" + bestSsj.param("impl") + ")") + " / "
                    + impl + " at n = 100000 >= 5", bestSsj, find(hold, "impl", impl, "100000"), 5, true);
            ratio(lines, "stretch: " + impl + " / REFERENCE at n = 1000000 < 1", find(hold, "impl", impl, "1000000"),
                    find(hold, "impl", "REFERENCE", "1000000"), 1, false);
            Row alloc = null;
            double worst = 0;
            for (Row row : of(hold)) {
                Double b = row.secondary().get("gc.alloc.rate.norm");
                if (row.param("impl").equals(impl) && b != null && b >= worst) {
                    worst = b;
                    alloc = row;
                }
            }
            if (alloc != null) {
                lines.add(String.format(Locale.ROOT, "| %s B/op in the hold loop ~ 0 (< 0.1) | %.3f | %s |", impl,
                        worst, worst < 0.1 ? "met" : "MISSED"));
            }
        }
        Row ssj = find("EngineBenchmark.mmc", "engine", "SSJ", null);
        for (String engine : List.of("CHIPFLOW", "CHIPFLOW_LADDER")) {
            Row c = find("EngineBenchmark.mmc", "engine", engine, null);
            if (c != null && ssj != null) {
                double x = eventsPerSecond(c) / eventsPerSecond(ssj);
                lines.add(String.format(Locale.ROOT, "| engine %s events/s / SSJ >= 2 | %.2f | %s |", engine, x,
                        x >= 2 ? "met" : "MISSED"));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        out.append("## Targets (ratios within this run)\n\n| target | measured | |\n|---|---:|---|\n");
        for (String l : lines) {
            out.append(l).append('\n');
        }
        out.append('\n');
    }

    private static void ratio(List<String> lines, String what, Row a, Row b, double bound, boolean atLeast) {
        if (a == null || b == null) {
            return;
        }
        double x = a.score() / b.score();
        boolean met = atLeast ? x >= bound : (bound == 1 ? x < bound : x <= bound);
        lines.add(String.format(Locale.ROOT, "| %s | %.2f | %s |", what, x, met ? "met" : "MISSED"));
    }

    private void otherRows() {
        Set<String> known = Set.of("HoldBenchmark.hold", "HoldWithCancelBenchmark.holdAndCancel",
                "EngineBenchmark.mmc", "ReplicationBenchmark.replications", "FullModelBenchmark.replication");
        List<Row> other = new ArrayList<>();
        for (Row row : rows) {
            if (!known.contains(row.benchmark())) {
                other.add(row);
            }
        }
        if (other.isEmpty()) {
            return;
        }
        out.append("## Other benchmarks\n\n| benchmark | params | score | error | unit |\n|---|---|---:|---:|---|\n");
        for (Row row : other) {
            out.append("| ").append(row.benchmark()).append(" | ").append(row.params()).append(" | ")
                    .append(fmt(row.score())).append(" | ").append(fmt(row.error())).append(" | ")
                    .append(row.unit()).append(" |\n");
        }
        out.append('\n');
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
