package dev.weft.cluster;

import static dev.weft.parallel.contract.PoolRecordings.named;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.PoolStats;
import dev.weft.parallel.contract.PoolRecordings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cluster pool shows of its chunks: {@code dev.weft.PoolChunk} events (backend
 * {@code cluster}, the member's address), a {@code dev.weft.WorkerDied} for a member that leaves
 * holding work, and {@link ClusterPool#stats()} counting the chunks on members as busy workers.
 */
class ClusterEventsTest {
    /** The members (by UUID) that started an input; members share this JVM. */
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();
    private static volatile CountDownLatch release = new CountDownLatch(0);

    @TempDir
    Path dir;

    @AfterEach
    void noMemberLeft() {
        release.countDown();
        TestClusters.assertNoHazelcastThreadLeft();
    }

    static int held(int x) {
        STARTED.add(ClusterPool.currentMember().orElseThrow().getUuid().toString());
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the input");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return x;
    }

    static int twice(int x) {
        return 2 * x;
    }

    private List<RecordedEvent> record(PoolRecordings.Body body) throws Exception {
        return PoolRecordings.record(dir.resolve("cluster.jfr"), body);
    }


    private static String address(ClusterMember member) {
        var address = member.instance().getCluster().getLocalMember().getAddress();
        return address.getHost() + ":" + address.getPort();
    }

    @Test
    void everyChunkIsAnEventNamingItsMember() throws Exception {
        List<RecordedEvent> events = record(() -> {
            try (ClusterPool pool = ClusterPool.embedded()) {
                assertEquals(List.of(0, 2, 4, 6), pool.map(ClusterEventsTest::twice, List.of(0, 1, 2, 3), 2));
            }
        });
        List<RecordedEvent> chunks = named(events, "dev.weft.PoolChunk");
        assertEquals(2, chunks.size(), chunks.toString());
        for (RecordedEvent chunk : chunks) {
            assertEquals("cluster", chunk.getString("backend"));
            assertTrue(chunk.getString("pool").startsWith("weft-cluster-pool-"), chunk.getString("pool"));
            assertTrue(chunk.getString("worker").matches("127\\.0\\.0\\.1:\\d+"), chunk.getString("worker"));
            assertEquals(2, chunk.getInt("inputs"));
            assertEquals("answered", chunk.getString("outcome"));
            assertTrue(chunk.getLong("bytesSent") > 0);
            assertTrue(chunk.getLong("bytesReceived") > 0);
        }
        assertTrue(named(events, "dev.weft.WorkerDied").isEmpty(), "no member left");
    }

    @Test
    void aMemberThatLeavesHoldingWorkIsAWorkerDiedEventAndItsChunkLost() throws Exception {
        STARTED.clear();
        release = new CountDownLatch(1);
        ClusterOptions options = TestClusters.options().workersPerMember(1).build();
        ClusterMember victim = ClusterMember.start(options);
        String victimAddress = address(victim);
        String victimId = victim.instance().getCluster().getLocalMember().getUuid().toString();
        List<RecordedEvent> events = record(() -> {
            try (ClusterPool pool = ClusterPool.member(options)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> pool.members().size() == 2);
                assertEquals(new PoolStats(2, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO), pool.stats());
                CompletableFuture<List<Integer>> results = pool.mapAsync(ClusterEventsTest::held, List.of(1, 2), 1);
                await("both members hold an input").atMost(Duration.ofSeconds(30)).until(() -> STARTED.size() == 2);
                PoolStats running = pool.stats();
                assertEquals(2, running.busyWorkers(), "chunks on members are busy workers: " + running);
                assertEquals(0, running.queuedChunks(), "nothing waits in the pool: " + running);
                assertTrue(STARTED.contains(victimId));
                victim.terminate();
                assertFalse(victim.isRunning());
                release.countDown();
                assertEquals(List.of(1, 2), results.get(60, TimeUnit.SECONDS), "the lost input ran again");
                PoolStats done = pool.stats();
                assertEquals(0, done.busyWorkers(), done.toString());
                assertEquals(2, done.tasksCompleted(), done.toString());
            } finally {
                victim.close();
            }
        });
        List<RecordedEvent> died = named(events, "dev.weft.WorkerDied");
        assertEquals(1, died.size(), died.toString());
        // What the member was running when it left: its chunk, whether the chunk's own call or the
        // membership event heard of the loss first (Hazelcast reports it either way round).
        assertTrue(died.get(0).getString("running").matches("member " + Pattern.quote(victimAddress)
                + ": 1 chunk, 1 inputs from index [01]"), died.get(0).getString("running"));
        assertEquals(-1, died.get(0).getLong("pid"));
        List<RecordedEvent> lost = named(events, "dev.weft.PoolChunk").stream()
                .filter(e -> e.getString("outcome").equals("lost")).toList();
        // The victim's chunk is lost once on the victim, by whichever path heard first (a resending
        // that meets the cluster while it still changes may be lost again on its way elsewhere).
        assertEquals(1, lost.stream().filter(e -> e.getString("worker").equals(victimAddress)).count(), lost.toString());
        lost.forEach(e -> assertEquals(1, e.getInt("inputs")));
        List<RecordedEvent> answered = named(events, "dev.weft.PoolChunk").stream()
                .filter(e -> e.getString("outcome").equals("answered")).toList();
        assertEquals(2, answered.size(), "each input answered once, the lost one elsewhere: " + answered);
        assertTrue(answered.stream().noneMatch(e -> e.getString("worker").equals(victimAddress)), answered.toString());
    }
}
