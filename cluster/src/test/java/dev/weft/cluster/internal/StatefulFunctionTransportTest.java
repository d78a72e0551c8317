package dev.weft.cluster.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.cluster.Member;
import dev.weft.cluster.ClusterMember;
import dev.weft.cluster.ClusterOptions;
import dev.weft.cluster.TestClusters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A function with state on two members: its bytes travel once per job and per member (a member
 * that lacks them answers "missing" and gets them again), each chunk reads its own copy, and the
 * members forget them when the job ends.
 */
class StatefulFunctionTransportTest {
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    private ClusterMember other;
    private HazelcastPool pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        if (other != null) {
            other.close();
        }
        gate.countDown();
    }

    @AfterAll
    static void noMemberLeft() {
        TestClusters.assertNoHazelcastThreadLeft();
    }

    private static ClusterOptions options() {
        return TestClusters.options().workersPerMember(2).build();
    }

    private HazelcastPool poolOn(ClusterOptions options, int members) {
        pool = new HazelcastPool(HazelcastSetup.startMember(options), true, 0, 3);
        await("the pool sees " + members + " members").atMost(Duration.ofSeconds(60))
                .until(() -> pool.members().size() == members);
        return pool;
    }

    private Map<UUID, long[]> counts() {
        Map<UUID, long[]> counts = new HashMap<>();
        for (Member member : pool.members()) {
            counts.put(member.getUuid(), new long[] {pool.shipments().shippedTo(member.getUuid()),
                    pool.shipments().missingFrom(member.getUuid())});
        }
        return counts;
    }

    /** Each member was sent the bytes once in the job, and once more per "missing" it answered; returns the missing. */
    private long assertOncePerMember(Map<UUID, long[]> before) {
        long missing = 0;
        for (Map.Entry<UUID, long[]> after : counts().entrySet()) {
            long[] was = before.getOrDefault(after.getKey(), new long[2]);
            long shipped = after.getValue()[0] - was[0];
            long answeredMissing = after.getValue()[1] - was[1];
            assertEquals(1 + answeredMissing, shipped, "member " + after.getKey() + ": sent the bytes " + shipped
                    + " times, answered missing " + answeredMissing + " times");
            missing += answeredMissing;
        }
        return missing;
    }

    private static List<Integer> inputs(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static List<Integer> plus(int offset, int n) {
        return IntStream.range(0, n).map(x -> x + offset).boxed().toList();
    }

    @Test
    void manyChunksOnTwoMembersGetTheBytesOncePerJobAndPerMember() throws Exception {
        ClusterOptions options = options();
        other = ClusterMember.start(options);
        poolOn(options, 2);
        for (int round = 0; round < 3; round++) {
            int offset = 1_000 * (round + 1);
            AtomicInteger callsHere = new AtomicInteger();
            Map<UUID, long[]> before = counts();
            List<Integer> results = pool.map(x -> {
                callsHere.incrementAndGet(); // each chunk its own copy: never the caller's
                return x + offset;
            }, inputs(60), 1);
            assertEquals(plus(offset, 60), results, "round " + round);
            assertEquals(0, callsHere.get());
            assertOncePerMember(before);
        }
    }

    @Test
    void aMemberThatForgetsTheBytesMidJobAnswersMissingAndGetsThemAgain() throws Exception {
        ClusterOptions options = options();
        other = ClusterMember.start(options);
        poolOn(options, 2);
        // several rounds: a chunk dispatched while another's "missing" is handled must go by key
        // (and be answered missing in turn), not carry the bytes a second time unasked. (Both
        // members share this JVM's cache: a member's first chunk, carrying the bytes, may fill it
        // again before any chunk is looked up by key, so one round may see no "missing".)
        long missing = 0;
        for (int round = 0; round < 6; round++) {
            CALLS.set(0);
            int offset = 7 + round;
            Map<UUID, long[]> before = counts();
            List<Integer> results = pool.map(x -> {
                if (CALLS.incrementAndGet() == 5) {
                    FunctionCache.clear(); // both members (in this JVM) forget
                }
                return x + offset;
            }, inputs(40), 1);
            assertEquals(plus(offset, 40), results, "round " + round);
            missing += assertOncePerMember(before);
        }
        assertTrue(missing >= 1, "a chunk sent by key after the members forgot came back missing");
    }

    @Test
    void aMemberThatJoinsMidJobGetsTheBytesWithItsFirstChunk() throws Exception {
        ClusterOptions options = options();
        poolOn(options, 1);
        gate = new CountDownLatch(1);
        int offset = 3;
        CompletableFuture<List<Integer>> results = pool.mapAsync(x -> {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return x + offset;
        }, inputs(20), 1);
        other = ClusterMember.start(options);
        UUID joined = other.instance().getCluster().getLocalMember().getUuid();
        await("the joining member takes chunks").atMost(Duration.ofSeconds(60))
                .until(() -> pool.shipments().shippedTo(joined) >= 1);
        gate.countDown();
        assertEquals(plus(offset, 20), results.get(30, TimeUnit.SECONDS));
        assertEquals(1 + pool.shipments().missingFrom(joined), pool.shipments().shippedTo(joined));
    }

    @Test
    void membersForgetTheBytesWhenTheJobsEndSoManyJobsLeaveNothing() throws Exception {
        ClusterOptions options = options();
        other = ClusterMember.start(options);
        poolOn(options, 2);
        for (int job = 0; job < 40; job++) {
            int offset = job;
            assertEquals(plus(offset, 6), pool.map(x -> x + offset, inputs(6), 1));
        }
        await("every job's bytes forgotten").atMost(Duration.ofSeconds(30)).until(() -> FunctionCache.withState() == 0);
        assertTrue(FunctionCache.size() <= FunctionCache.MAX);
    }
}
