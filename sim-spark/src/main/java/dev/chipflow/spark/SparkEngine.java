package dev.chipflow.spark;

import dev.chipflow.experiment.ExperimentEngine;
import dev.chipflow.experiment.Observation;
import dev.chipflow.experiment.Progress;
import dev.chipflow.experiment.Replication;
import dev.chipflow.experiment.ReplicationFold;
import dev.chipflow.stats.Moments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * An {@link ExperimentEngine} on Apache Spark: the replications of every model are cut into blocks, one Spark task per
 * (model, block of replications), and each task derives its streams exactly as the local runner does, so the results,
 * and every file written from them, are the same whatever the master, the number of executors or the block size.
 *
 * <p>What travels: to the executors, each model as a description ({@link ShippedModel}: a scenario's knobs); back to
 * the driver, for {@link #summarise}, the moments each block folded ({@link FoldTask}: about log2 of the block's size
 * sets of them), which the driver adds to one {@link ReplicationFold} per model, so its memory does not grow with
 * the replications; for {@link #runTasks}, each replication's result ({@link ResultCodec}: scalars, per-firm results,
 * daily series; never the per-event trace), decoded as each block arrives.
 *
 * <pre>{@code
 * try (SparkEngine spark = SparkEngine.builder().master("local[4]").start()) {
 *     Sweep.run(spark, 20, seed, "cap.ratio", values, v -> SupplyModel.replication(scenarioAt(v)));
 * }
 * }</pre>
 */
public final class SparkEngine implements ExperimentEngine {

    private final JavaSparkContext sc;
    private final Integer block;
    private final Progress progress;
    private final int failFirstAttemptOf;

    private SparkEngine(JavaSparkContext sc, Integer block, Progress progress, int failFirstAttemptOf) {
        this.sc = sc;
        this.block = block;
        this.progress = progress;
        this.failFirstAttemptOf = failFirstAttemptOf;
    }

    /** @return a builder: master local[*] (or spark-submit's), the default block size, no progress */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link SparkEngine}; {@link #start()} starts the Spark context. */
    public static final class Builder {
        private String master;
        private Integer block;
        private Progress progress = Progress.NONE;
        private final Map<String, String> conf = new LinkedHashMap<>();
        private int failFirstAttemptOf = -1;

        private Builder() {
        }

        /**
         * @param url e.g. {@code local[4]}, {@code local[2,3]} (2 threads, a task tried up to 3 times),
         *            {@code spark://host:7077}; null: the {@code spark.master} property (spark-submit sets it), else
         *            {@code local[*]}
         * @return this
         */
        public Builder master(String url) {
            master = url;
            return this;
        }

        /**
         * @param replications replications per Spark task, at least 1; null: about two tasks per core
         * @return this
         */
        public Builder block(Integer replications) {
            block = checkBlock(replications);
            return this;
        }

        /**
         * @param p told on the driver as blocks of replications finish
         * @return this
         */
        public Builder progress(Progress p) {
            progress = p;
            return this;
        }

        /**
         * Any Spark setting (besides {@code spark.*} system properties, which Spark reads itself).
         *
         * @return this
         */
        public Builder conf(String key, String value) {
            conf.put(key, value);
            return this;
        }

        /** A test hook: the first attempt of this partition's task fails, so Spark must retry it. */
        Builder failFirstAttemptOf(int partition) {
            failFirstAttemptOf = partition;
            return this;
        }

        /**
         * @return the engine, its Spark context started
         * @throws IllegalArgumentException if Spark refuses the master URL
         */
        public SparkEngine start() {
            SparkConf c = new SparkConf();
            String url = master != null ? master : c.get("spark.master", "local[*]");
            c.setMaster(url).setIfMissing("spark.app.name", "chipflow");
            // The replications report their own progress; Spark's web UI would only hold a port.
            c.setIfMissing("spark.ui.enabled", "false");
            if (url.startsWith("local")) {
                // Nothing leaves the machine in local mode; the loopback address spares a lookup of the host name.
                c.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress",
                        "127.0.0.1");
            } else if (!c.contains("spark.jars")) {
                // Started with java -jar rather than spark-submit: the executors need chipflow's jars.
                String jars = ExecutorJars.find();
                if (!jars.isEmpty()) {
                    c.set("spark.jars", jars);
                }
            }
            conf.forEach(c::set);
            try {
                return new SparkEngine(new JavaSparkContext(c), block, progress, failFirstAttemptOf);
            } catch (Exception e) {
                String first = firstLine(e);
                if (first.contains("Master URL")) {
                    throw new IllegalArgumentException(first + " (expected local, local[N], local[N,F], "
                            + "spark://HOST:PORT, ...)", e);
                }
                throw new IllegalStateException("Spark did not start: " + first, e);
            }
        }
    }

    /**
     * @param replications replications per Spark task; null: about two tasks per core
     * @return an engine on the same Spark context with another block size (closing either stops the context)
     */
    public SparkEngine withBlock(Integer replications) {
        return new SparkEngine(sc, checkBlock(replications), progress, failFirstAttemptOf);
    }

    private static Integer checkBlock(Integer replications) {
        if (replications != null && replications < 1) {
            throw new IllegalArgumentException("a block must hold at least 1 replication, was " + replications);
        }
        return replications;
    }

    /**
     * @param p told on the driver as blocks of replications finish
     * @return an engine on the same Spark context that reports to {@code p} (closing either stops the context)
     */
    public SparkEngine withProgress(Progress p) {
        return new SparkEngine(sc, block, p, failFirstAttemptOf);
    }

    /** @return the Spark context, for settings and tests */
    public JavaSparkContext context() {
        return sc;
    }

    @Override
    public <R> List<List<R>> runTasks(int replications, long seed, List<? extends Replication<R>> models) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        int m = models.size();
        if (m == 0) {
            return List.of();
        }
        Object[] results = new Object[m * replications];
        runJob(replications, m, "", new BlockTask(ship(models), seed, failFirstAttemptOf), BlockTask.Answer.class,
                a -> {
                    int base = a.block().model() * replications + a.block().from();
                    for (int j = 0; j < a.results().length; j++) {
                        results[base + j] = ResultCodec.decode(a.results()[j]);
                    }
                });
        List<List<R>> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            @SuppressWarnings("unchecked")
            List<R> slice = (List<R>) Arrays.asList(Arrays.copyOfRange(results, i * replications,
                    (i + 1) * replications));
            out.add(List.copyOf(slice));
        }
        return out;
    }

    /**
     * Each task folds its block's observations ({@link FoldTask}); the driver adds each block's subtrees to the
     * model's {@link ReplicationFold} as they arrive, so it holds the folds' waiting subtrees and the blocks in
     * flight, never the replications.
     */
    @Override
    public <R> List<Moments> summarise(int replications, long seed, List<? extends Replication<R>> models,
            List<? extends Observation<? super R>> observations) {
        ExperimentEngine.checkSummarise(replications, models.size(), observations.size());
        int m = models.size();
        if (m == 0) {
            return List.of();
        }
        List<Observation<Object>> shippedObservations = new ArrayList<>(m);
        for (Observation<? super R> o : observations) {
            @SuppressWarnings("unchecked")
            Observation<Object> any = (Observation<Object>) o;
            shippedObservations.add(any);
        }
        List<ReplicationFold> folds = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            folds.add(new ReplicationFold(replications));
        }
        runJob(replications, m, ", summarised", new FoldTask(ship(models), shippedObservations, replications, seed,
                failFirstAttemptOf), FoldTask.Answer.class, a -> {
                    ReplicationFold fold = folds.get(a.block().model());
                    for (ReplicationFold.Node n : a.nodes()) {
                        fold.add(n);
                    }
                });
        List<Moments> out = new ArrayList<>(m);
        for (ReplicationFold f : folds) {
            out.add(f.result());
        }
        return out;
    }

    /** Each model as it travels to the executors. */
    private static List<ShippedModel> ship(List<? extends Replication<?>> models) {
        List<ShippedModel> shipped = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            shipped.add(ShippedModel.of(i, models.get(i)));
        }
        return shipped;
    }

    /**
     * Runs one task per block of every model's replications. Each block's answer is taken on the driver as it arrives
     * (Spark calls back from one thread at a time) and told to the progress; once all are in, the first replication
     * that threw, in (model, replication) order, is thrown as the local runner throws it.
     */
    private <A extends BlockTask.BlockAnswer> void runJob(int replications, int models, String what,
            Function2<TaskContext, Iterator<BlockTask.Block>, A> task, Class<A> answer, Consumer<A> take) {
        List<BlockTask.Block> blocks = blocks(replications, models);
        Failures failures = new Failures(replications);
        int total = models * replications;
        int[] done = {0};
        JavaRDD<BlockTask.Block> rdd = sc.parallelize(blocks, blocks.size());
        ClassTag<A> tag = ClassTag$.MODULE$.apply(answer);
        sc.setJobDescription("chipflow: " + models + " model(s) x " + replications + " replications" + what);
        try {
            sc.sc().runJob(rdd.rdd(), task, (Object partition, A a) -> {
                take.accept(a);
                failures.note(a);
                done[0] += a.done();
                progress.advanced(done[0], total);
                return BoxedUnit.UNIT;
            }, tag);
        } catch (Exception e) {
            throw new IllegalStateException("the Spark job failed: " + firstLine(e), e);
        }
        failures.rethrowFirst();
    }

    /** Every model's replications cut into blocks of the engine's size; a block never spans two models. */
    private List<BlockTask.Block> blocks(int replications, int models) {
        int size = block != null ? Math.min(block, replications)
                : defaultBlock(replications, models, sc.defaultParallelism());
        List<BlockTask.Block> blocks = new ArrayList<>();
        for (int k = 0; k < models; k++) {
            for (int from = 0; from < replications; from += size) {
                blocks.add(new BlockTask.Block(k, from, Math.min(from + size, replications)));
            }
        }
        return blocks;
    }

    /**
     * About two tasks per core, so that a slow block does not leave a core idle at the end, and never more than a
     * model's replications (a block does not span models).
     */
    static int defaultBlock(int replications, int models, int parallelism) {
        long tasks = 2L * Math.max(1, parallelism);
        long size = ((long) replications * models + tasks - 1) / tasks;
        return (int) Math.max(1, Math.min(replications, size));
    }

    @Override
    public void close() {
        sc.stop();
    }

    /** Spark's messages carry the executor's stack trace after the first line. */
    static String firstLine(Throwable e) {
        String s = String.valueOf(e.getMessage());
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** The first replication that threw, in (model, replication) order, as the local runner reports it. */
    private static final class Failures {
        private final int replications;
        private long failedSlot = Long.MAX_VALUE;
        private byte[] failure;

        Failures(int replications) {
            this.replications = replications;
        }

        void note(BlockTask.BlockAnswer a) {
            if (a.failure() == null) {
                return;
            }
            long slot = (long) a.block().model() * replications + a.failedAt();
            if (slot < failedSlot) {
                failedSlot = slot;
                failure = a.failure();
            }
        }

        void rethrowFirst() {
            if (failure == null) {
                return;
            }
            Object e;
            try {
                e = ResultCodec.javaObject(new ByteArrayInputStream(failure));
            } catch (IOException | ClassNotFoundException ex) {
                throw new IllegalStateException("a replication failed on a Spark executor, and its exception could "
                        + "not be read: " + ex.getMessage(), ex);
            }
            throw (RuntimeException) e;
        }
    }
}
