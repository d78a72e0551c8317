package dev.weft.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.ParallelExecutionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member that leaves or dies in the middle of a map costs no input: its unfinished chunks are
 * sent to the members that remain, every input gets exactly one result, and only chunks that had
 * not reported run again. Three members in this JVM, fresh for each test (one of them is lost);
 * the pool is a client, so that it survives any member.
 */
class MemberLossTest {
    /** Every member (by UUID) that started each input; the members share this JVM, so this map. */
    private static final Map<Integer, List<String>> RUNS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> STARTED = new ConcurrentHashMap<>();
    private static final int INPUTS = 200;

    private ClusterOptions options;
    private List<ClusterMember> members;

    @BeforeEach
    void startMembers() {
        RUNS.clear();
        STARTED.clear();
        options = TestClusters.options().workersPerMember(2).build();
        members = IntStream.range(0, 3).mapToObj(i -> ClusterMember.start(options)).toList();
        TestClusters.awaitClusterSize(members.get(0), 3);
    }

    @AfterEach
    void stopMembers() {
        members.forEach(ClusterMember::close);
        TestClusters.assertNoHazelcastThreadLeft();
    }

    static String recordAndWork(int input) {
        String me = ClusterPool.currentMember().orElseThrow().getUuid().toString();
        RUNS.computeIfAbsent(input, k -> new CopyOnWriteArrayList<>()).add(me);
        STARTED.computeIfAbsent(me, k -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(30); // the workload
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return me;
    }

    private static String uuid(ClusterMember member) {
        return member.instance().getCluster().getLocalMember().getUuid().toString();
    }

    @Test
    void aMemberTerminatedMidMapCostsNoInput() throws Exception {
        loseAMemberMidMap(ClusterMember::terminate);
    }

    @Test
    void aMemberThatShutsDownMidMapCostsNoInput() throws Exception {
        loseAMemberMidMap(member -> Thread.ofPlatform().name("test-member-shutdown").start(member::close));
    }

    private void loseAMemberMidMap(Consumer<ClusterMember> lose) throws Exception {
        ClusterMember victim = members.get(2);
        String lost = uuid(victim);
        try (ClusterPool pool = ClusterPool.client(options)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.members().size() == 3);
            List<Integer> inputs = IntStream.range(0, INPUTS).boxed().toList();
            CompletableFuture<List<String>> results = pool.mapAsync(MemberLossTest::recordAndWork, inputs, 2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> STARTED.getOrDefault(lost, new AtomicInteger()).get() >= 6);
            lose.accept(victim);
            List<String> ranOn = results.get(2, TimeUnit.MINUTES);

            assertEquals(INPUTS, ranOn.size());
            Set<String> all = Set.of(uuid(members.get(0)), uuid(members.get(1)), lost);
            List<Integer> rerun = new ArrayList<>();
            for (int i = 0; i < INPUTS; i++) {
                List<String> runs = RUNS.get(i);
                String reported = ranOn.get(i);
                assertTrue(all.contains(reported), "input " + i + " has a result from a member: " + reported);
                assertEquals(reported, runs.get(runs.size() - 1), "input " + i + ": its result is its last run's");
                if (reported.equals(lost)) {
                    assertEquals(1, runs.size(), "input " + i + " reported by the lost member ran again: " + runs);
                }
                for (String earlier : runs.subList(0, runs.size() - 1)) {
                    assertEquals(lost, earlier, "input " + i + " ran again although its member did not leave: " + runs);
                }
                if (runs.size() > 1) {
                    rerun.add(i);
                }
            }
            assertFalse(rerun.isEmpty(), "the lost member had chunks in flight, and they ran again elsewhere");
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.members().size() == 2);
            assertEquals(4, pool.workers());
            assertEquals(List.of(7), pool.map(x -> x + 1, List.of(6)), "the pool goes on with two members");
        }
    }

    @Test
    void aChunkThatKeepsLosingItsMemberFailsAfterMaxAttempts() throws Exception {
        ClusterOptions oneAttempt = ClusterOptions.builder()
                .clusterName(options.clusterName())
                .members(options.members())
                .maxAttempts(1)
                .build();
        ClusterMember victim = members.get(2);
        try (ClusterPool pool = ClusterPool.client(oneAttempt)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.members().size() == 3);
            List<Integer> inputs = IntStream.range(0, INPUTS).boxed().toList();
            CompletableFuture<List<String>> results = pool.mapAsync(MemberLossTest::recordAndWork, inputs, 2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> STARTED.getOrDefault(uuid(victim), new AtomicInteger()).get() >= 6);
            String address = victim.address();
            victim.terminate();
            Throwable failure = assertThrowsCause(results);
            ParallelExecutionException e = (ParallelExecutionException) failure;
            MemberLostException lostException = (MemberLostException) e.getCause();
            assertEquals(List.of(address), lostException.members());
            assertTrue(lostException.getMessage().contains("started 1 time(s)"), lostException.getMessage());
        }
    }

    private static Throwable assertThrowsCause(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the map did not end", e);
        }
        throw new AssertionError("the map succeeded although a chunk lost its only allowed member");
    }
}
