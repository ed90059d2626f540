package dev.chipflow.experiment;

import dev.chipflow.stats.Moments;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the observations of replications 0 to n-1 into {@link Moments} in one fixed order, whatever order they
 * arrive in and however they were cut into blocks: the order of a binary tree over the replication indices. Node
 * (level L, index j) holds replications [j 2^L, (j+1) 2^L); it is its left child's moments with its right child's
 * absorbed, or its left child alone when the right one lies past the last replication.
 *
 * <p>A block of replications folds what it can on its own and hands over its {@link #nodes()}; the nodes of every
 * block, added to one fold in any order, give the same bits as a fold of every replication in one place. That is
 * what makes an experiment's files the same on every engine, thread count and block size. A fold in replication order
 * keeps at most one node per level (about log2 n), and nodes arriving out of order wait only for their siblings.
 */
public final class ReplicationFold {

    /**
     * A subtree's moments.
     *
     * @param level   the subtree's height: it spans 2^level replication indices
     * @param index   its position among the subtrees of that height
     * @param moments the moments of its replications
     *
     * @serial exclude (serializable only to travel to and from Spark executors)
     */
    public record Node(int level, long index, Moments moments) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final int replications;
    private final int rootLevel;
    private final Map<Long, Node> waiting = new HashMap<>();
    private Node root;
    /** A node's arrays, free again once absorbed: a fold in order allocates about log2 n sets of them. */
    private Moments spare;

    /** @param replications the experiment's replications, at least 1 */
    public ReplicationFold(int replications) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        this.replications = replications;
        this.rootLevel = 32 - Integer.numberOfLeadingZeros(replications - 1);
    }

    /**
     * Adds one replication's observation (copied).
     *
     * @param replication the replication's index, in [0, n)
     * @param values      its observation
     */
    public void add(int replication, double[] values) {
        if (replication < 0 || replication >= replications) {
            throw new IllegalArgumentException("replication " + replication + " outside [0, " + replications + ")");
        }
        Moments leaf;
        if (spare != null && spare.slots() == values.length) {
            leaf = spare;
            spare = null;
            leaf.set(values);
        } else {
            leaf = Moments.of(values);
        }
        add(new Node(0, replication, leaf));
    }

    /**
     * Adds a subtree folded elsewhere (a block's {@link #nodes()}); the fold takes ownership of its moments.
     *
     * @param node the subtree
     * @throws IllegalArgumentException if the subtree lies outside this fold's tree
     * @throws IllegalStateException    if some of its replications were added already
     */
    public void add(Node node) {
        if (node.level() < 0 || node.level() > rootLevel || node.index() < 0
                || node.index() > (replications - 1L) >> node.level()) {
            throw new IllegalArgumentException("a subtree of level " + node.level() + ", index " + node.index()
                    + " lies outside the tree of " + replications + " replications");
        }
        // A replication added twice is caught here if the first lies in the root or in a waiting node that holds
        // this one (the node itself or an ancestor); if it lies in a waiting descendant, that one is left over
        // once the fold completes, and result() refuses.
        boolean twice = root != null;
        for (int level = node.level(); level < rootLevel && !twice; level++) {
            twice = waiting.containsKey(key(level, node.index() >> (level - node.level())));
        }
        if (twice) {
            throw new IllegalStateException("replications folded twice: level " + node.level() + ", index "
                    + node.index());
        }
        Node cur = node;
        while (cur.level() < rootLevel) {
            long sibling = cur.index() ^ 1;
            if (sibling << cur.level() >= replications) {
                // The right half lies past the last replication: the node stands for its parent unchanged.
                cur = new Node(cur.level() + 1, cur.index() >> 1, cur.moments());
                continue;
            }
            Node other = waiting.remove(key(cur.level(), sibling));
            if (other == null) {
                if (waiting.putIfAbsent(key(cur.level(), cur.index()), cur) != null) {
                    throw new IllegalStateException("replications folded twice: level " + cur.level() + ", index "
                            + cur.index());
                }
                return;
            }
            Node left = (cur.index() & 1) == 0 ? cur : other;
            Node right = left == cur ? other : cur;
            left.moments().absorb(right.moments());
            spare = right.moments();
            cur = new Node(cur.level() + 1, cur.index() >> 1, left.moments());
        }
        if (root != null) {
            throw new IllegalStateException("replications folded twice");
        }
        root = cur;
    }

    /**
     * Folds results already in memory, in replication order: the same moments as an engine's
     * {@link ExperimentEngine#summarise} of the replications that made them.
     *
     * @param <R>         the result of one replication
     * @param results     results in replication order, at least one
     * @param observation what to keep of each
     * @return the moments of their observations
     */
    public static <R> Moments fold(List<? extends R> results, Observation<? super R> observation) {
        ReplicationFold fold = new ReplicationFold(results.size());
        double[] values = new double[observation.size()];
        for (int i = 0; i < results.size(); i++) {
            observation.observe(results.get(i), values);
            fold.add(i, values);
        }
        return fold.result();
    }

    /** @return the subtrees folded so far and not yet merged, in replication order (with the root, once complete) */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>(waiting.values());
        if (root != null) {
            out.add(root);
        }
        out.sort(Comparator.comparingLong(n -> n.index() << n.level()));
        return out;
    }

    /** @return how many subtrees wait for a sibling (what the fold holds besides the root) */
    public int waiting() {
        return waiting.size();
    }

    /**
     * @return the moments of all the replications
     * @throws IllegalStateException if some replication has not been added
     */
    public Moments result() {
        if (root == null) {
            throw new IllegalStateException("the fold of " + replications + " replications is incomplete");
        }
        if (!waiting.isEmpty()) {
            // Complete, and yet a subtree waits: it was added after some of its replications had been.
            throw new IllegalStateException("replications folded twice: " + waiting.size() + " subtrees left over");
        }
        return root.moments();
    }

    private static long key(int level, long index) {
        return ((long) level << 40) | index;
    }
}
