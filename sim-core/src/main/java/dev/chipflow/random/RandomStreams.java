package dev.chipflow.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A family of independent random streams, one per source of randomness, each derived from (seed, name).
 *
 * <p>A stream's generator is seeded with the SHA-256 digest of the seed and the stream's name, so a stream's sequence
 * depends on nothing else: adding a stream, or drawing more from another, leaves it unchanged. Two scenarios run with
 * the same seed therefore see the same numbers in every stage they share (common random numbers). The generator is
 * Commons RNG's XoShiRo256++.
 *
 * <p>Not thread-safe; each replication owns its own instance (see {@link #forReplication(long, int)}).
 */
public final class RandomStreams {

    private static final RandomSource GENERATOR = RandomSource.XO_SHI_RO_256_PP;

    private final long seed;
    private final Map<String, UniformRandomProvider> streams = new LinkedHashMap<>();

    private RandomStreams(long seed) {
        this.seed = seed;
    }

    /**
     * @param seed the master seed
     * @return the streams of that seed
     */
    public static RandomStreams of(long seed) {
        return new RandomStreams(seed);
    }

    /**
     * The streams of replication {@code replication} of an experiment with master seed {@code seed}: the same for
     * every scenario, which is what makes comparisons use common random numbers.
     *
     * @param seed        the experiment's master seed
     * @param replication the replication index, from 0
     * @return the replication's own streams
     */
    public static RandomStreams forReplication(long seed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication index must be >= 0, was " + replication);
        }
        long[] digest = digest(seed, "replication/" + replication);
        return new RandomStreams(digest[0]);
    }

    /** @return the seed these streams derive from */
    public long seed() {
        return seed;
    }

    /**
     * The stream called {@code name}, created on first use; the same object on later calls.
     *
     * @param name a non-empty name, e.g. {@code "lab.duration"}
     * @return the stream
     */
    public UniformRandomProvider stream(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a random stream needs a non-empty name");
        }
        return streams.computeIfAbsent(name, n -> GENERATOR.create((Object) digest(seed, n)));
    }

    /** @return the names of the streams created so far, sorted */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(streams.keySet()));
    }

    private static long[] digest(long seed, String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            ByteBuffer words = ByteBuffer.wrap(sha.digest());
            return new long[] {words.getLong(), words.getLong(), words.getLong(), words.getLong()};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
