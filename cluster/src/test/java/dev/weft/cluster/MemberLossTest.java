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
import java.util.concurrent.CountDownLatch;
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
 *
 * <p>The map is held in the middle while the member is lost, so that the loss cannot come too
 * late (after the map has ended, or once the member has no chunk left) however slowly the test
 * thread or the shutdown runs: each member starts {@value #FREE_STARTS} inputs freely (a few of
 * its chunks report), then every input it starts waits until the test has lost the member and
 * it can no longer reply. The member is lost only once every chunk that finished has reported,
 * so that no reply of it can arrive after its chunks were sent elsewhere.
 */
class MemberLossTest {
    /** Every member (by UUID) that started each input; the members share this JVM, so this map. */
    private static final Map<Integer, List<String>> RUNS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> STARTED = new ConcurrentHashMap<>();
    /** Every input whose run ended (on whichever member). */
    private static final Set<Integer> FINISHED = ConcurrentHashMap.newKeySet();
    private static final int INPUTS = 200;
    private static final int CHUNK = 2;
    /** Executor threads per member (what each member runs at once). */
    private static final int WORKERS = 2;
    /** Inputs each member starts before it is held. */
    private static final int FREE_STARTS = 6;
    private static final Duration LONG = Duration.ofSeconds(60);

    /** Opened once the lost member can no longer reply: the held inputs go on. */
    private static volatile CountDownLatch lossDone = new CountDownLatch(0);
    /** The member the test loses: what it starts from then on is not a run, it cannot reply. */
    private static volatile String lostMember;

    private ClusterOptions options;
    private List<ClusterMember> members;

    @BeforeEach
    void startMembers() {
        RUNS.clear();
        STARTED.clear();
        FINISHED.clear();
        lossDone = new CountDownLatch(1);
        lostMember = null;
        options = TestClusters.options().workersPerMember(WORKERS).build();
        members = IntStream.range(0, 3).mapToObj(i -> ClusterMember.start(options)).toList();
        TestClusters.awaitClusterSize(members.get(0), 3);
    }

    @AfterEach
    void stopMembers() {
        lossDone.countDown(); // a test that failed early leaves nothing held
        members.forEach(ClusterMember::close);
        TestClusters.assertNoHazelcastThreadLeft();
    }

    static String recordAndWork(int input) {
        String me = ClusterPool.currentMember().orElseThrow().getUuid().toString();
        if (me.equals(lostMember)) {
            throw new IllegalStateException("member " + me + " is being lost: it cannot reply");
        }
        RUNS.computeIfAbsent(input, k -> new CopyOnWriteArrayList<>()).add(me);
        int started = STARTED.computeIfAbsent(me, k -> new AtomicInteger()).incrementAndGet();
        try {
            if (started > FREE_STARTS && !lossDone.await(LONG.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the held inputs go on");
            }
            Thread.sleep(30); // the workload
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        FINISHED.add(input);
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
        loseAMemberMidMap(ClusterMember::close);
    }

    /** Waits until every executor thread of {@code member} holds an input: it has chunks in flight. */
    private static void awaitHeld(String member) {
        await("every worker of member " + member + " holds an input").atMost(LONG)
                .until(() -> STARTED.getOrDefault(member, new AtomicInteger()).get() >= FREE_STARTS + WORKERS);
    }

    /** {@return how many inputs are in chunks whose every input has finished} */
    private static int inputsOfFinishedChunks() {
        int inputs = 0;
        for (int first = 0; first < INPUTS; first += CHUNK) {
            int chunkFirst = first;
            if (IntStream.range(chunkFirst, chunkFirst + CHUNK).allMatch(FINISHED::contains)) {
                inputs += CHUNK;
            }
        }
        return inputs;
    }

    /**
     * Loses {@code victim} while it holds inputs: {@code lose} returns once the member has shut
     * down (its connections are closed, so it can no longer reply); then the held inputs go on.
     */
    private static void lose(ClusterMember victim, Consumer<ClusterMember> lose) {
        lostMember = uuid(victim);
        try {
            lose.accept(victim);
            assertFalse(victim.isRunning(), "the lost member has shut down");
        } finally {
            lossDone.countDown();
        }
    }

    private void loseAMemberMidMap(Consumer<ClusterMember> lose) throws Exception {
        ClusterMember victim = members.get(2);
        String lost = uuid(victim);
        try (ClusterPool pool = ClusterPool.client(options)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.members().size() == 3);
            List<Integer> inputs = IntStream.range(0, INPUTS).boxed().toList();
            AtomicInteger reportedInputs = new AtomicInteger();
            CompletableFuture<List<String>> results = new CompletableFuture<>();
            Thread caller = Thread.ofPlatform().name("member-loss-map").start(() -> {
                try {
                    results.complete(pool.map(MemberLossTest::recordAndWork, inputs, CHUNK,
                            (done, total) -> reportedInputs.set(done)));
                } catch (Throwable t) {
                    results.completeExceptionally(t);
                }
            });
            members.forEach(member -> awaitHeld(uuid(member)));
            // Nothing finishes while every member holds its inputs: once what finished has
            // reported, no reply of the lost member is still on its way.
            int finished = inputsOfFinishedChunks();
            await("the finished chunks reported").atMost(LONG).until(() -> reportedInputs.get() == finished);
            lose(victim, lose);
            List<String> ranOn = results.get(2, TimeUnit.MINUTES);
            assertTrue(caller.join(LONG), "the map's caller ended");

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
            CompletableFuture<List<String>> results = pool.mapAsync(MemberLossTest::recordAndWork, inputs, CHUNK);
            awaitHeld(uuid(victim));
            String address = victim.address();
            lose(victim, ClusterMember::terminate);
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
