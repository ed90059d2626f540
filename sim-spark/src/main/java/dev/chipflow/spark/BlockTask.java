package dev.chipflow.spark;

import dev.chipflow.random.RandomStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.TaskContext;
import scala.Function2;
import scala.collection.Iterator;

/**
 * What one Spark task runs: one block of replications of one model, each with the streams the local runner would give
 * it ({@link RandomStreams#forReplication} of the master seed and the replication's own index, never the task's), so
 * the results do not depend on how the replications were cut into blocks or where the blocks ran.
 *
 * <p>An exception from the model is not a task failure: the model is a pure function of its streams, so a retry would
 * fail the same way. It travels back as the block's answer and the driver throws it as the local runner would, as one
 * line instead of Spark's "job aborted" report. Only what goes wrong around the model (a lost executor, an error such
 * as running out of memory, the fault a test injects) fails the task, and Spark retries it.
 */
final class BlockTask implements Function2<TaskContext, Iterator<BlockTask.Block>, BlockTask.Answer>, Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Replications {@code from} (inclusive) to {@code to} (exclusive) of model {@code model}.
     *
     * @param model the model's index
     * @param from  the first replication
     * @param to    one past the last
     */
    record Block(int model, int from, int to) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a task of either kind ({@link BlockTask}, {@link FoldTask}) tells the driver of its block. */
    interface BlockAnswer {
        /** @return the block */
        Block block();

        /** @return how many of its replications ran to the end: all, or those before the one that threw */
        int done();

        /** @return the replication that threw, or -1 */
        int failedAt();

        /** @return the exception, Java-serialised, or null */
        byte[] failure();
    }

    /**
     * What came back from a block: every result encoded ({@link ResultCodec}), or those before the replication that
     * threw and the exception.
     *
     * @param block    the block
     * @param results  the encoded results, in replication order; after a failure, those before it
     * @param failedAt the replication that threw, or -1
     * @param failure  the exception, Java-serialised, or null
     */
    record Answer(Block block, byte[][] results, int failedAt, byte[] failure) implements BlockAnswer, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int done() {
            return results.length;
        }
    }

    private final List<ShippedModel> models;
    private final long seed;
    /** The partition whose first attempt fails (a test of Spark's retries), or -1. */
    private final int failFirstAttemptOf;

    BlockTask(List<ShippedModel> models, long seed, int failFirstAttemptOf) {
        this.models = List.copyOf(models);
        this.seed = seed;
        this.failFirstAttemptOf = failFirstAttemptOf;
    }

    @Override
    public Answer apply(TaskContext context, Iterator<Block> blocks) {
        injectFault(context, failFirstAttemptOf);
        // One block per partition (the engine makes as many partitions as blocks).
        Block b = blocks.next();
        ShippedModel model = models.get(b.model());
        byte[][] out = new byte[b.to() - b.from()][];
        for (int i = b.from(); i < b.to(); i++) {
            try {
                out[i - b.from()] = ResultCodec.encode(model.run(RandomStreams.forReplication(seed, i)));
            } catch (RuntimeException e) {
                byte[][] before = Arrays.copyOf(out, i - b.from());
                return new Answer(b, before, i, serialise(e));
            }
        }
        return new Answer(b, out, -1, null);
    }

    /** The test hook of both kinds of task: fails the first attempt of partition {@code failFirstAttemptOf}. */
    static void injectFault(TaskContext context, int failFirstAttemptOf) {
        if (context.partitionId() == failFirstAttemptOf && context.attemptNumber() == 0) {
            throw new IllegalStateException("fault injected into the first attempt of partition "
                    + failFirstAttemptOf);
        }
    }

    /** The exception itself when it serialises; else one that keeps its class name and message. */
    static byte[] serialise(RuntimeException e) {
        try {
            return javaBytes(e);
        } catch (NotSerializableException notSerializable) {
            try {
                return javaBytes(new IllegalStateException(e.getClass().getName() + ": " + e.getMessage()));
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
        } catch (IOException io) {
            throw new IllegalStateException(io);
        }
    }

    private static byte[] javaBytes(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
