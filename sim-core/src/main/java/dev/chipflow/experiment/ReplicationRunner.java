package dev.chipflow.experiment;

import dev.chipflow.random.RandomStreams;
import dev.chipflow.stats.Moments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local {@link ExperimentEngine}: runs replications on a pool of threads. Replication {@code i} always gets
 * {@link RandomStreams#forReplication(long, int)} of (seed, i) and its result lands at index {@code i}, so the list
 * returned, and every summary made from it, is the same whatever the number of threads.
 */
public final class ReplicationRunner implements ExperimentEngine {

    private final int threads;
    private final Progress progress;

    /**
     * @param threads  worker threads, at least 1
     * @param progress told as replications finish
     */
    public ReplicationRunner(int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * A runner on every available core, without progress reports.
     *
     * @return the runner
     */
    public static ReplicationRunner allCores() {
        return new ReplicationRunner(Runtime.getRuntime().availableProcessors(), Progress.NONE);
    }

    /** @return the number of worker threads */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code replications} replications of each model with the same streams per replication index (common
     * random numbers), all models' replications sharing one pool.
     *
     * @param <R>          the replication result
     * @param replications the number of replications of each model, at least 1
     * @param seed         the master seed, shared by every model
     * @param models       the models
     * @return per model, results in replication order
     */
    @Override
    public <R> List<List<R>> runTasks(int replications, long seed, List<? extends Replication<R>> models) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        int m = models.size();
        int total = m * replications;
        Object[] results = new Object[total];
        AtomicInteger done = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>(total);
        for (int k = 0; k < total; k++) {
            int model = k / replications;
            int rep = k % replications;
            int slot = k;
            tasks.add(() -> {
                results[slot] = models.get(model).run(RandomStreams.forReplication(seed, rep));
                progress.advanced(done.incrementAndGet(), total);
            });
        }
        runAll(tasks);
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
     * Runs the replications in blocks of consecutive indices, one block per task; each block folds its observations
     * ({@link ReplicationFold}) and hands its subtrees to the model's fold, so only about log2 n moments per model and
     * per block in flight are ever held.
     */
    @Override
    public <R> List<Moments> summarise(int replications, long seed, List<? extends Replication<R>> models,
            List<? extends Observation<? super R>> observations) {
        ExperimentEngine.checkSummarise(replications, models.size(), observations.size());
        int m = models.size();
        int total = m * replications;
        // Blocks small enough to keep every thread busy to the end, large enough that handing over is rare.
        int block = (int) Math.max(1, Math.min(64, (long) total / (8L * threads)));
        List<ReplicationFold> folds = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            folds.add(new ReplicationFold(replications));
        }
        AtomicInteger done = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            Replication<R> model = models.get(k);
            Observation<? super R> observation = observations.get(k);
            ReplicationFold shared = folds.get(k);
            for (int from = 0; from < replications; from += block) {
                int start = from;
                int end = Math.min(from + block, replications);
                tasks.add(() -> {
                    ReplicationFold local = new ReplicationFold(replications);
                    double[] values = new double[observation.size()];
                    for (int i = start; i < end; i++) {
                        observation.observe(model.run(RandomStreams.forReplication(seed, i)), values);
                        local.add(i, values);
                        progress.advanced(done.incrementAndGet(), total);
                    }
                    synchronized (shared) {
                        for (ReplicationFold.Node n : local.nodes()) {
                            shared.add(n);
                        }
                    }
                });
            }
        }
        runAll(tasks);
        List<Moments> out = new ArrayList<>(m);
        for (ReplicationFold f : folds) {
            out.add(f.result());
        }
        return out;
    }

    /** Runs the tasks on the pool; the first failure in task order is thrown, as it is. */
    private void runAll(List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())),
                runnable -> {
                    Thread t = new Thread(runnable, "chipflow-replication");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (Runnable t : tasks) {
                futures.add(pool.submit(t));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replications interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a replication failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
