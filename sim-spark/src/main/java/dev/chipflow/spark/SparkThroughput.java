package dev.chipflow.spark;

import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.ReplicationRunner;
import dev.chipflow.report.RunAnalysis;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.scenarios.PolicySweep;
import dev.chipflow.supply.Knobs;
import dev.chipflow.supply.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Replications per second of one sweep (a named policy sweep, 20 replications per point) on the local runner, on
 * Spark {@code local[2]} and on a two-worker standalone cluster ({@link LocalCluster}), for several block sizes; the
 * cost of one more task; and the smallest block at which Spark is within 10% of the local runner. Each figure is the
 * median of a few timed runs after a warm-up run. Prints a markdown table.
 *
 * <p>What is timed is what {@code chipflow sweep} runs: {@link RunAnalysis#run(ExperimentEngine, List, int, long)} of
 * the sweep's points, i.e. {@link ExperimentEngine#summarise} with the observation each point's report keeps, so each
 * replication is folded into moments where it ran and only the folds travel back.
 *
 * <pre>
 * java &#64;sim-spark/java17.args -cp sim-spark/target/chipflow-spark.jar dev.chipflow.spark.SparkThroughput \
 *     [--sweep cap-ratio] [--set KNOB=VALUE]... [--replications 20] [--runs 3] [--blocks 1,2,5,10,20]
 *     [--no-cluster] [--out FILE]
 * </pre>
 */
public final class SparkThroughput {

    private final List<Scenario> points;
    private final int replications;
    private final int runs;

    private SparkThroughput(List<Scenario> points, int replications, int runs) {
        this.points = points;
        this.replications = replications;
        this.runs = runs;
    }

    /**
     * @param args see the class comment
     * @throws IOException if the table cannot be written
     */
    public static void main(String[] args) throws IOException {
        String sweep = "cap-ratio";
        int replications = 20;
        int runs = 3;
        List<Integer> blocks = List.of(1, 2, 5, 10, 20);
        boolean cluster = true;
        Path out = null;
        List<String[]> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sweep" -> sweep = args[++i];
                case "--replications" -> replications = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--blocks" -> blocks = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--no-cluster" -> cluster = false;
                case "--set" -> sets.add(args[++i].split("=", 2));
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        PolicySweep p = NamedScenarios.sweep(sweep).orElseThrow();
        Scenario base = NamedScenarios.get(p.base());
        for (String[] kv : sets) {
            base = Knobs.set(base, kv[0], kv[1]);
        }
        List<Scenario> points = new ArrayList<>();
        for (PolicySweep.Value v : p.values()) {
            points.add(Knobs.set(base, p.knob(), v.knobValue()));
        }
        SparkThroughput b = new SparkThroughput(points, replications, runs);
        StringBuilder t = new StringBuilder();
        int total = points.size() * replications;
        t.append("Sweep `").append(sweep).append('`')
                .append(sets.isEmpty() ? "" : " with " + String.join(", ",
                        sets.stream().map(kv -> kv[0] + "=" + kv[1]).toList()))
                .append(": ").append(points.size()).append(" points x ").append(replications)
                .append(" replications = ").append(total)
                .append(" replications, summarised as `chipflow sweep` runs them; median of ").append(runs)
                .append(" runs after a warm-up; ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores.\n\n");
        // A first, longer warm-up: the model's code is compiled before anything is timed.
        for (int w = 0; w < (sets.isEmpty() ? 3 : 1); w++) {
            b.perSecond(new ReplicationRunner(2, Progress.NONE));
        }
        t.append("| engine | block (replications per task) | tasks | replications/s | local runner, just before "
                + "| Spark / local |\n");
        t.append("|---|---:|---:|---:|---:|---:|\n");
        List<String> notes = new ArrayList<>();
        long start = System.nanoTime();
        try (SparkEngine spark = SparkEngine.builder().master("local[2]").start()) {
            notes.add(String.format(Locale.ROOT, "Spark local[2] context start: %.1f s", secondsSince(start)));
            b.rows(t, notes, "Spark local[2]", spark, blocks);
        }
        if (cluster) {
            Path dir = Files.createTempDirectory("chipflow-cluster");
            try (LocalCluster c = LocalCluster.start(2, 1, dir)) {
                SparkEngine.Builder builder = SparkEngine.builder().master(c.masterUrl());
                LocalCluster.driverSettings(2).forEach(builder::conf);
                start = System.nanoTime();
                try (SparkEngine spark = builder.start()) {
                    notes.add(String.format(Locale.ROOT, "cluster start (driver context, both executors "
                            + "registered): %.1f s", secondsSince(start)));
                    b.rows(t, notes, "standalone, 2 workers x 1 core", spark, blocks);
                }
            }
        }
        t.append('\n');
        notes.forEach(n -> t.append("- ").append(n).append('\n'));
        System.out.print(t);
        if (out != null) {
            Files.writeString(out, t);
        }
    }

    /**
     * One row per block size, each beside the local runner measured just before it (the machine is shared, and its
     * load drifts over minutes); then the cost of a task and the smallest block within 10% of the local runner.
     */
    private void rows(StringBuilder t, List<String> notes, String engine, SparkEngine spark, List<Integer> blocks) {
        int total = points.size() * replications;
        double[] rate = new double[blocks.size()];
        int[] tasks = new int[blocks.size()];
        Integer within = null;
        double localSum = 0;
        // Spark's own code paths want compiling too before the first row is timed.
        perSecond(spark.withBlock(blocks.get(0)));
        for (int i = 0; i < blocks.size(); i++) {
            int block = Math.min(blocks.get(i), replications);
            tasks[i] = points.size() * ((replications + block - 1) / block);
            double local = perSecond(new ReplicationRunner(2, Progress.NONE));
            localSum += local;
            rate[i] = perSecond(spark.withBlock(block));
            t.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f%% |%n", engine, block,
                    tasks[i], rate[i], local, 100 * rate[i] / local));
            if (within == null && rate[i] >= 0.9 * local) {
                within = block;
            }
        }
        // Time of the sweep at the smallest and the largest block; the difference over the extra tasks, times the
        // cores that ran them, is what one more task costs.
        int first = 0;
        int last = blocks.size() - 1;
        double extra = (total / rate[first] - total / rate[last]) * spark.context().defaultParallelism()
                / (tasks[first] - tasks[last]);
        notes.add(String.format(Locale.ROOT, "%s: one more task costs about %.1f ms of a core (from blocks of %d "
                + "and %d); a replication takes about %.1f ms of a core on the local runner", engine, 1000 * extra,
                Math.min(blocks.get(first), replications), Math.min(blocks.get(last), replications),
                1000.0 * 2 * blocks.size() / localSum));
        notes.add(engine + ": the smallest block within 10% of the local runner: "
                + (within == null ? "none of those tried" : within + (within == 1 ? " replication" : " replications")));
    }

    /**
     * Replications per second of the sweep summarised, as the CLI's sweep runs it: the median of {@code runs} timed
     * runs after one warm-up run.
     */
    private double perSecond(ExperimentEngine engine) {
        RunAnalysis.run(engine, points, replications, 1);
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            RunAnalysis.run(engine, points, replications, 20260101L + r);
            seconds[r] = secondsSince(start);
        }
        Arrays.sort(seconds);
        return points.size() * replications / seconds[runs / 2];
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
