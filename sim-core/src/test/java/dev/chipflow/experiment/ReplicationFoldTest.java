package dev.chipflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.stats.Moments;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * {@link ReplicationFold}: the fixed tree order on hand cases, the same bits however the replications are cut into
 * blocks and in whatever order the blocks' subtrees arrive, the memory held by a fold in order, and what it refuses.
 */
class ReplicationFoldTest {

    /** Tries with at least three blocks arriving out of order and n not a power of two, at least, percent. */
    private static final double MIN_HARD_SHARE = 50;

    private static Moments one(double... v) {
        return Moments.of(v);
    }

    /** m with later absorbed, returned for chaining; m is changed. */
    private static Moments merge(Moments m, Moments later) {
        m.absorb(later);
        return m;
    }

    /**
     * n = 3: the tree has root level ceil(log2 3) = 2. Level 1: node (1,0) = r0 + r1; node (1,1) would be r2 + r3, but
     * r3 lies past n, so (0,2) is promoted unchanged. Root (2,0) = (r0 + r1) + r2. With 1, 2, 4 that is ((1, 2), 4):
     * mean 7/3, M2 = 14/3 (MomentsTest derives it), and its bits differ from those of (1, (2, 4)), whose mean is one
     * ulp below 7/3: the fold does not merely agree up to rounding, it takes that one order.
     */
    @Example
    void threeReplicationsFoldAsOneTwoThenThree() {
        Moments expected = merge(merge(one(1), one(2)), one(4));
        Moments otherTree = merge(one(1), merge(one(2), one(4)));
        assertNotEquals(expected, otherTree, "the values tell the two orders apart");
        assertEquals(7.0 / 3, expected.mean(0));

        int[][] orders = {{0, 1, 2}, {2, 1, 0}, {1, 2, 0}, {2, 0, 1}, {0, 2, 1}, {1, 0, 2}};
        double[] v = {1, 2, 4};
        for (int[] order : orders) {
            ReplicationFold f = new ReplicationFold(3);
            for (int i : order) {
                f.add(i, new double[] {v[i]});
            }
            assertEquals(expected, f.result(), "arrival order " + java.util.Arrays.toString(order));
            assertEquals(0, f.waiting());
        }

        // Added r2, r0, r1: r2 is promoted to (1,1) and waits; r0 waits for r1; r1 makes (1,0), which joins (1,1).
        ReplicationFold f = new ReplicationFold(3);
        f.add(2, new double[] {4});
        assertEquals(List.of(new Node(1, 1)), shape(f), "r2 waits as (1,1) for (1,0)");
        f.add(0, new double[] {1});
        assertEquals(List.of(new Node(0, 0), new Node(1, 1)), shape(f));
        f.add(1, new double[] {2});
        assertEquals(List.of(new Node(2, 0)), shape(f), "complete: the root alone");
    }

    /**
     * n = 5: root level ceil(log2 5) = 3.
     *
     * <pre>
     * level 0:  r0   r1   r2   r3   r4
     * level 1:  (1,0)=r0+r1  (1,1)=r2+r3  (1,2)=r4 promoted (r5 past n)
     * level 2:  (2,0)=(1,0)+(1,1)          (2,1)=(1,2) promoted ((1,3) covers r6, r7: past n)
     * level 3:  (3,0)=(2,0)+(2,1) = ((r0+r1)+(r2+r3))+r4
     * </pre>
     * With 0.1, 0.2, 0.3, 0.4, 0.5 this differs in its bits from the fold left to right (((r0+r1)+r2)+r3)+r4.
     */
    @Example
    void fiveReplicationsFoldInTheTreeOrder() {
        double[] v = {0.1, 0.2, 0.3, 0.4, 0.5};
        Moments expected = merge(merge(merge(one(v[0]), one(v[1])), merge(one(v[2]), one(v[3]))), one(v[4]));
        Moments leftToRight = one(v[0]);
        for (int i = 1; i < 5; i++) {
            leftToRight.absorb(one(v[i]));
        }
        assertNotEquals(expected, leftToRight, "the values tell the orders apart");
        assertEquals(expected, treeFold(toRows(v)), "the reference agrees with the hand case");

        int[][] orders = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 4, 0, 3, 1}, {4, 0, 1, 2, 3}, {1, 3, 0, 2, 4}};
        for (int[] order : orders) {
            ReplicationFold f = new ReplicationFold(5);
            for (int i : order) {
                f.add(i, new double[] {v[i]});
            }
            assertEquals(expected, f.result(), "arrival order " + java.util.Arrays.toString(order));
        }

        ReplicationFold f = new ReplicationFold(5);
        f.add(4, new double[] {v[4]});
        assertEquals(List.of(new Node(2, 1)), shape(f), "r4 is promoted twice and waits as (2,1)");
        f.add(0, new double[] {v[0]});
        f.add(1, new double[] {v[1]});
        f.add(2, new double[] {v[2]});
        assertEquals(List.of(new Node(1, 0), new Node(0, 2), new Node(2, 1)), shape(f), "in replication order");
        f.add(3, new double[] {v[3]});
        assertEquals(List.of(new Node(3, 0)), shape(f));
        assertEquals(5, f.result().count(0));

        // Blocks [0, 2) and [2, 5), folded apart and handed over, the second first.
        ReplicationFold a = new ReplicationFold(5);
        a.add(0, new double[] {v[0]});
        a.add(1, new double[] {v[1]});
        ReplicationFold b = new ReplicationFold(5);
        for (int i = 2; i < 5; i++) {
            b.add(i, new double[] {v[i]});
        }
        assertEquals(List.of(new Node(1, 0)), shape(a));
        assertEquals(List.of(new Node(1, 1), new Node(2, 1)), shape(b));
        ReplicationFold shared = new ReplicationFold(5);
        b.nodes().forEach(shared::add);
        a.nodes().forEach(shared::add);
        assertEquals(expected, shared.result());
    }

    /** n = 1 and n = 2, the smallest trees: one leaf is the root; two leaves make it. */
    @Example
    void oneAndTwoReplications() {
        ReplicationFold f = new ReplicationFold(1);
        f.add(0, new double[] {3, Double.NaN});
        assertEquals(one(3, Double.NaN), f.result());
        assertEquals(List.of(new Node(0, 0)), shape(f));

        ReplicationFold g = new ReplicationFold(2);
        g.add(1, new double[] {5});
        g.add(0, new double[] {3});
        assertEquals(merge(one(3), one(5)), g.result());
    }

    /** A node's (level, index), to compare shapes. */
    record Node(int level, long index) {
    }

    private static List<Node> shape(ReplicationFold f) {
        List<Node> out = new ArrayList<>();
        for (ReplicationFold.Node n : f.nodes()) {
            out.add(new Node(n.level(), n.index()));
        }
        return out;
    }

    private static double[][] toRows(double[] single) {
        double[][] rows = new double[single.length][];
        for (int i = 0; i < single.length; i++) {
            rows[i] = new double[] {single[i]};
        }
        return rows;
    }

    /** The tree order written out independently: split [lo, lo + size) in halves; an empty right half is skipped. */
    private static Moments treeFold(double[][] rows) {
        int size = 1;
        while (size < rows.length) {
            size *= 2;
        }
        return tree(rows, 0, size);
    }

    private static Moments tree(double[][] rows, int lo, int size) {
        if (lo >= rows.length) {
            return null;
        }
        if (size == 1) {
            return Moments.of(rows[lo]);
        }
        Moments left = tree(rows, lo, size / 2);
        Moments right = tree(rows, lo + size / 2, size / 2);
        if (right != null) {
            left.absorb(right);
        }
        return left;
    }

    /**
     * n replications of a random number of slots (values on very different scales, with NaN and infinities
     * sometimes), cut at random into blocks; each block folds its replications (in order, or shuffled in one try of
     * three) in its own fold; then every block's nodes, all together shuffled, go to one shared fold. Its result is
     * bit for bit the fold of all replications added one by one in order, and the tree fold written out here.
     */
    @Property(tries = 400, seed = "20260402", edgeCases = EdgeCasesMode.NONE,
            afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void blocksInAnyOrderGiveTheSameBits(@ForAll @IntRange(min = 1, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 6) int slots, @ForAll @IntRange(min = 1, max = 40) int blocks,
            @ForAll long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        double[][] rows = new double[n][slots];
        for (double[] row : rows) {
            for (int s = 0; s < slots; s++) {
                int kind = rng.nextInt(20);
                row[s] = kind == 0 ? Double.NaN
                        : kind == 1 ? Double.POSITIVE_INFINITY
                        : kind < 5 ? rng.nextInt(4)
                        : (rng.nextDouble() - 0.3) * Math.pow(10, rng.nextInt(-3, 7));
            }
        }

        Moments inOrder;
        ReplicationFold reference = new ReplicationFold(n);
        for (int i = 0; i < n; i++) {
            reference.add(i, rows[i]);
        }
        inOrder = reference.result();

        // Cut [0, n) at blocks - 1 distinct random points (fewer if n is small).
        int cuts = Math.min(blocks, n) - 1;
        boolean[] cutAt = new boolean[n];
        for (int c = 0; c < cuts;) {
            int at = 1 + rng.nextInt(n - 1);
            if (!cutAt[at]) {
                cutAt[at] = true;
                c++;
            }
        }
        boolean shuffleWithin = rng.nextInt(3) == 0;
        List<ReplicationFold.Node> handed = new ArrayList<>();
        int blockCount = 0;
        for (int from = 0; from < n;) {
            int to = from + 1;
            while (to < n && !cutAt[to]) {
                to++;
            }
            ReplicationFold local = new ReplicationFold(n);
            int[] order = new int[to - from];
            for (int k = 0; k < order.length; k++) {
                order[k] = from + k;
            }
            if (shuffleWithin) {
                shuffle(order, rng);
            }
            for (int i : order) {
                local.add(i, rows[i]);
            }
            handed.addAll(local.nodes());
            blockCount++;
            from = to;
        }
        List<ReplicationFold.Node> arrival = new ArrayList<>(handed);
        for (int k = arrival.size() - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            arrival.set(k, arrival.set(j, arrival.get(k)));
        }
        boolean outOfOrder = !arrival.equals(handed);
        ReplicationFold shared = new ReplicationFold(n);
        for (ReplicationFold.Node node : arrival) {
            shared.add(node);
        }

        assertEquals(inOrder, shared.result());
        assertEquals(treeFold(rows), shared.result());
        assertEquals(0, shared.waiting());
        for (int s = 0; s < slots; s++) {
            long finite = 0;
            for (double[] row : rows) {
                finite += Double.isFinite(row[s]) ? 1 : 0;
            }
            assertEquals(finite, shared.result().count(s));
        }

        boolean powerOfTwo = Integer.bitCount(n) == 1;
        String hard = ">= 3 blocks, out of order, n not a power of two";
        Statistics.label(hard).collect(blockCount >= 3 && outOfOrder && !powerOfTwo);
        Statistics.label(hard).coverage(k -> k.check(true).percentage(p -> p >= MIN_HARD_SHARE));
        Statistics.label("blocks").collect(blockCount >= 10 ? ">= 10" : blockCount >= 3 ? "3-9" : "1-2");
        Statistics.label("shuffled within blocks").collect(shuffleWithin);
    }

    private static void shuffle(int[] a, UniformRandomProvider rng) {
        for (int k = a.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
    }

    /**
     * A fold in replication order keeps at most one node per level below the root waiting: never more than
     * ceil(log2 n) + 1 for a million replications, however far it has got. The largest count reached is that of the
     * one bits of some i + 1 <= n below 2^20, at most 19, and the test checks the bound was approached.
     */
    @Example
    void aFoldInOrderHoldsLogarithmicallyManyNodes() {
        int n = 1_000_000;
        int bound = (32 - Integer.numberOfLeadingZeros(n - 1)) + 1; // ceil(log2 n) + 1 = 21
        assertEquals(21, bound);
        ReplicationFold f = new ReplicationFold(n);
        double[] v = new double[1];
        int most = 0;
        for (int i = 0; i < n; i++) {
            v[0] = i;
            f.add(i, v);
            most = Math.max(most, f.waiting());
            assertTrue(f.waiting() <= bound, "waiting " + f.waiting() + " after replication " + i);
        }
        assertTrue(most >= 15, "the fold did hold many nodes at some point: " + most);
        assertEquals(0, f.waiting());
        assertEquals(n, f.result().count(0));
        assertEquals((n - 1) / 2.0, f.result().mean(0), 1e-9 * n);
        assertEquals(Math.sqrt(n * (n + 1.0) / 12), f.result().sd(0), 1e-9 * n);
    }

    @Example
    void addingAReplicationTwiceIsRefused() {
        // Twice before it met its sibling.
        ReplicationFold f = new ReplicationFold(4);
        f.add(2, new double[] {1});
        assertThrows(IllegalStateException.class, () -> f.add(2, new double[] {1}));

        // Twice after it was merged with its sibling into a waiting node.
        ReplicationFold g = new ReplicationFold(4);
        g.add(0, new double[] {1});
        g.add(1, new double[] {2});
        assertThrows(IllegalStateException.class, () -> g.add(0, new double[] {1}));
        assertThrows(IllegalStateException.class, () -> g.add(1, new double[] {2}));

        // Twice once the fold is complete.
        ReplicationFold h = new ReplicationFold(2);
        h.add(0, new double[] {1});
        h.add(1, new double[] {2});
        Moments done = h.result();
        assertThrows(IllegalStateException.class, () -> h.add(0, new double[] {1}));
        assertThrows(IllegalStateException.class, () -> h.add(1, new double[] {2}));
        assertEquals(merge(one(1), one(2)), done);

        // Twice after it was promoted (r2 of 3 waits as (1,1)).
        ReplicationFold p = new ReplicationFold(3);
        p.add(2, new double[] {1});
        assertThrows(IllegalStateException.class, () -> p.add(2, new double[] {1}));

        // A subtree whose replications partly arrived already, before or after it.
        ReplicationFold q = new ReplicationFold(4);
        q.add(0, new double[] {1});
        q.add(new ReplicationFold.Node(1, 0, merge(one(1), one(2))));
        q.add(2, new double[] {3});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            q.add(3, new double[] {4});
            q.result();
        });
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        ReplicationFold r = new ReplicationFold(4);
        r.add(new ReplicationFold.Node(1, 1, merge(one(3), one(4))));
        assertThrows(IllegalStateException.class, () -> r.add(3, new double[] {4}));
    }

    @Example
    void anIncompleteFoldHasNoResult() {
        ReplicationFold f = new ReplicationFold(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, f::result);
        assertTrue(e.getMessage().contains("3 replications"), e.getMessage());
        f.add(0, new double[] {1});
        f.add(2, new double[] {1});
        assertThrows(IllegalStateException.class, f::result);
        f.add(1, new double[] {1});
        assertEquals(3, f.result().count(0));
    }

    @Example
    void indicesOutsideTheReplicationsAreRefused() {
        ReplicationFold f = new ReplicationFold(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.add(5, new double[] {1}));
        assertTrue(e.getMessage().contains("[0, 5)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.add(-1, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new ReplicationFold(0));
        assertThrows(IllegalArgumentException.class, () -> new ReplicationFold(-3));
        // Subtrees that lie past the last replication, or above the root, or of a negative level.
        assertThrows(IllegalArgumentException.class, () -> f.add(new ReplicationFold.Node(0, 5, one(1))));
        assertThrows(IllegalArgumentException.class, () -> f.add(new ReplicationFold.Node(1, 3, one(1))));
        assertThrows(IllegalArgumentException.class, () -> f.add(new ReplicationFold.Node(4, 0, one(1))));
        assertThrows(IllegalArgumentException.class, () -> f.add(new ReplicationFold.Node(-1, 0, one(1))));
        assertThrows(IllegalArgumentException.class, () -> f.add(new ReplicationFold.Node(0, -1, one(1))));
        assertThrows(IllegalStateException.class, f::result, "nothing refused was kept");
        assertEquals(0, f.waiting());
    }
}
