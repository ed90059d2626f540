package dev.chipflow.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Reproducibility and independence of named streams (the Commons RNG habit: same seed, same sequence). */
class RandomStreamsTest {

    private static final int DRAWS = 1_000;

    private static long[] draw(UniformRandomProvider rng, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextLong();
        }
        return v;
    }

    @Test
    void sameSeedAndNameGiveTheSameSequence() {
        long[] first = draw(RandomStreams.of(42).stream("lab.duration"), DRAWS);
        long[] second = draw(RandomStreams.of(42).stream("lab.duration"), DRAWS);
        assertArrayEquals(first, second);
    }

    @Test
    void differentNamesOrSeedsGiveDifferentSequences() {
        long[] base = draw(RandomStreams.of(42).stream("lab.duration"), DRAWS);
        long[] otherName = draw(RandomStreams.of(42).stream("lab.durations"), DRAWS);
        long[] otherSeed = draw(RandomStreams.of(43).stream("lab.duration"), DRAWS);
        // Two independent 64-bit sequences agree at a given position with probability 2^-64: any agreement is a bug.
        for (int i = 0; i < DRAWS; i++) {
            assertTrue(base[i] != otherName[i] && base[i] != otherSeed[i], "draw " + i + " coincides");
        }
    }

    @Test
    void addingOrDrawingFromAnotherStreamLeavesAStreamUnchanged() {
        long[] alone = draw(RandomStreams.of(7).stream("arrivals"), DRAWS);

        RandomStreams crowded = RandomStreams.of(7);
        UniformRandomProvider services = crowded.stream("services");
        draw(services, 5_000);
        crowded.stream("customs");
        UniformRandomProvider arrivals = crowded.stream("arrivals");
        long[] interleaved = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            services.nextDouble();
            crowded.stream("stream" + i).nextInt();
            interleaved[i] = arrivals.nextLong();
        }

        assertArrayEquals(alone, interleaved);
    }

    @Test
    void aNameMapsToOneStreamObject() {
        RandomStreams streams = RandomStreams.of(1);
        UniformRandomProvider a = streams.stream("a");
        a.nextLong();
        assertSame(a, streams.stream("a"));
        streams.stream("c");
        streams.stream("b");
        assertEquals(List.of("a", "b", "c"), List.copyOf(streams.names()));
        assertEquals(1, streams.seed());
    }

    @Test
    void streamsAreXoShiRo256PlusPlusSeededWithTheSha256OfSeedAndName() throws Exception {
        // An independent implementation of the documented construction, so a change of generator or of seeding
        // (which would silently change every published result) fails here.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(ByteBuffer.allocate(8).putLong(2026L).array());
        sha.update("licence.office".getBytes(StandardCharsets.UTF_8));
        ByteBuffer d = ByteBuffer.wrap(sha.digest());
        long s0 = d.getLong();
        long s1 = d.getLong();
        long s2 = d.getLong();
        long s3 = d.getLong();

        UniformRandomProvider rng = RandomStreams.of(2026L).stream("licence.office");
        for (int i = 0; i < 100; i++) {
            long expected = Long.rotateLeft(s0 + s3, 23) + s0;
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
            assertEquals(expected, rng.nextLong(), "draw " + i);
        }
    }

    @Test
    void replicationsHaveDistinctReproducibleStreams() {
        Set<Long> seeds = new HashSet<>();
        Set<Long> firstDraws = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            RandomStreams r = RandomStreams.forReplication(99, i);
            assertEquals(r.seed(), RandomStreams.forReplication(99, i).seed(), "replication " + i);
            seeds.add(r.seed());
            firstDraws.add(r.stream("x").nextLong());
        }
        assertEquals(1_000, seeds.size());
        assertEquals(1_000, firstDraws.size());

        assertArrayEquals(draw(RandomStreams.forReplication(99, 5).stream("x"), DRAWS),
                draw(RandomStreams.forReplication(99, 5).stream("x"), DRAWS));
        assertFalse(RandomStreams.forReplication(99, 5).seed() == RandomStreams.forReplication(100, 5).seed(),
                "another master seed gives other replications");
    }

    @Test
    void badArgumentsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomStreams.forReplication(1, -2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomStreams.of(1).stream(""));
        assertThrows(IllegalArgumentException.class, () -> RandomStreams.of(1).stream(null));
    }
}
