package dev.chipflow.spark;

import dev.chipflow.experiment.Observation;
import dev.chipflow.experiment.ReplicationFold;
import dev.chipflow.random.RandomStreams;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.TaskContext;
import scala.Function2;
import scala.collection.Iterator;

/**
 * What one Spark task of a summarised experiment runs: a block of replications of one model, each with the streams
 * the local runner would give it, each result reduced to its observation at once and folded into the block's
 * {@link ReplicationFold} subtrees. Only those subtrees travel back (about log2 of the block's size sets of moments),
 * so what reaches the driver does not grow with the replications. A model's exception travels back as
 * {@link BlockTask} explains; what goes wrong around the model fails the task, and Spark retries it.
 */
final class FoldTask implements Function2<TaskContext, Iterator<BlockTask.Block>, FoldTask.Answer>, Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What came back from a block.
     *
     * @param block    the block
     * @param nodes    the block's subtrees, covering the replications before any failure
     * @param failedAt the replication that threw, or -1
     * @param failure  the exception, Java-serialised, or null
     */
    record Answer(BlockTask.Block block, List<ReplicationFold.Node> nodes, int failedAt, byte[] failure)
            implements BlockTask.BlockAnswer, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int done() {
            return (failedAt < 0 ? block.to() : failedAt) - block.from();
        }
    }

    private final List<ShippedModel> models;
    private final List<Observation<Object>> observations;
    private final int replications;
    private final long seed;
    private final int failFirstAttemptOf;

    FoldTask(List<ShippedModel> models, List<Observation<Object>> observations, int replications, long seed,
            int failFirstAttemptOf) {
        this.models = List.copyOf(models);
        this.observations = List.copyOf(observations);
        this.replications = replications;
        this.seed = seed;
        this.failFirstAttemptOf = failFirstAttemptOf;
    }

    @Override
    public Answer apply(TaskContext context, Iterator<BlockTask.Block> blocks) {
        BlockTask.injectFault(context, failFirstAttemptOf);
        BlockTask.Block b = blocks.next();
        ShippedModel model = models.get(b.model());
        Observation<Object> observation = observations.get(b.model());
        ReplicationFold fold = new ReplicationFold(replications);
        double[] values = new double[observation.size()];
        for (int i = b.from(); i < b.to(); i++) {
            try {
                observation.observe(model.run(RandomStreams.forReplication(seed, i)), values);
            } catch (RuntimeException e) {
                return new Answer(b, fold.nodes(), i, BlockTask.serialise(e));
            }
            fold.add(i, values);
        }
        return new Answer(b, fold.nodes(), -1, null);
    }
}
