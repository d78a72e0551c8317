package dev.weft.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import dev.weft.core.Task;
import dev.weft.parallel.Pool;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ClusterPool#embedded()}: one member in this JVM, with no setup, in a cluster of its own,
 * reachable on 127.0.0.1 only; the pool's end is its member's end.
 */
class EmbeddedPoolTest {

    @AfterAll
    static void noMemberLeft() {
        TestClusters.assertNoHazelcastThreadLeft();
    }

    static int square(int x) {
        return x * x;
    }

    static int sleepLong(int x) {
        try {
            Thread.sleep(60_000); // the workload: a task still running when the pool is terminated
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return x;
    }

    @Test
    void embeddedIsOneLoopbackMemberInAClusterOfItsOwn() throws InterruptedException {
        try (ClusterPool pool = ClusterPool.embedded(); ClusterPool other = ClusterPool.embedded()) {
            assertEquals(1, pool.members().size());
            assertEquals(1, other.members().size(), "two embedded pools do not merge");
            assertEquals(Runtime.getRuntime().availableProcessors(), pool.workers());
            Config config = pool.instance().getConfig();
            assertTrue(config.getClusterName().startsWith("weft-"), config.getClusterName());
            assertNotEquals(config.getClusterName(), other.instance().getConfig().getClusterName());
            JoinConfig join = config.getNetworkConfig().getJoin();
            assertFalse(join.getMulticastConfig().isEnabled(), "multicast is off");
            assertFalse(join.getAutoDetectionConfig().isEnabled(), "cloud auto-detection is off");
            assertFalse(join.getTcpIpConfig().isEnabled(), "no member list: it looks for no one");
            assertEquals(List.of(), join.getTcpIpConfig().getMembers());
            assertEquals(List.of("127.0.0.1"), List.copyOf(config.getNetworkConfig().getInterfaces().getInterfaces()));
            assertEquals("false", config.getProperty("hazelcast.socket.bind.any"));
            assertEquals("127.0.0.1", pool.instance().getCluster().getLocalMember().getAddress().getHost());

            assertEquals(List.of(0, 1, 4, 9), pool.map(EmbeddedPoolTest::square, List.of(0, 1, 2, 3)));
            assertEquals(49, pool.apply(EmbeddedPoolTest::square, 7));
        }
    }

    static String memberUuid(int ignored) {
        return ClusterPool.currentMember().orElseThrow().getUuid().toString();
    }

    @Test
    void twoEmbeddedPoolsAtOnceEachSeeOnlyTheirOwnMemberOnAPortOfTheirOwn() throws InterruptedException {
        try (ClusterPool one = ClusterPool.embedded(); ClusterPool two = ClusterPool.embedded()) {
            for (ClusterPool pool : List.of(one, two)) {
                Member self = pool.instance().getCluster().getLocalMember();
                assertEquals(Set.of(self), pool.instance().getCluster().getMembers(), "a cluster of one");
                assertEquals(0, pool.instance().getConfig().getNetworkConfig().getPort(), "the system picks the port");
                int port = self.getAddress().getPort();
                assertTrue(port < 5701 || port > 5800, "not on Hazelcast's default ports, where other clusters look: " + port);
                String uuid = self.getUuid().toString();
                assertEquals(List.of(uuid, uuid, uuid), pool.map(EmbeddedPoolTest::memberUuid, List.of(1, 2, 3)),
                        "every chunk runs on the pool's own member");
            }
            assertNotEquals(one.instance().getCluster().getLocalMember().getAddress(),
                    two.instance().getCluster().getLocalMember().getAddress());
        }
    }

    @Test
    void closeShutsTheMemberDownAndTerminateCancels() throws Exception {
        ClusterPool closed = ClusterPool.embedded();
        Pool asPool = closed;
        assertEquals(List.of(4), asPool.map(EmbeddedPoolTest::square, List.of(2)));
        closed.close();
        assertFalse(closed.instance().getLifecycleService().isRunning());
        assertThrows(IllegalStateException.class, () -> closed.map(EmbeddedPoolTest::square, List.of(1)));

        ClusterPool terminated = ClusterPool.embedded();
        Task<Integer> stuck = terminated.applyAsync(EmbeddedPoolTest::sleepLong, 1);
        terminated.terminate();
        assertInstanceOf(CancellationException.class,
                assertThrows(CancellationException.class, () -> stuck.await(Duration.ofMinutes(1))));
        assertFalse(terminated.instance().getLifecycleService().isRunning());
    }

    /** Holds the interrupted caller's chunk on the member (in this JVM) until the test lets it go. */
    static final CountDownLatch HELD = new CountDownLatch(1);

    static int heldThenReturn(int x) {
        try {
            HELD.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return x;
    }

    @Test
    void aCallerWaitingForItsChunkStopsWhenInterruptedWhileTheChunkStillRuns() throws Exception {
        try (ClusterPool pool = ClusterPool.embedded()) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = Thread.ofPlatform().name("embedded-interrupted-caller").start(() -> {
                try {
                    pool.apply(EmbeddedPoolTest::heldThenReturn, 1);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            // it waits for the member's reply itself (Hazelcast's own get() would not stop when interrupted)
            await().atMost(Duration.ofSeconds(30)).until(() -> caller.getState() == Thread.State.WAITING
                    && Arrays.stream(caller.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitEnd")));
            caller.interrupt();
            assertTrue(caller.join(Duration.ofSeconds(30)), "the interrupted caller returned");
            assertInstanceOf(InterruptedException.class, thrown.get());
            assertEquals(1, HELD.getCount(), "its chunk was still held on the member");
            HELD.countDown();
            assertEquals(4, (int) pool.apply(EmbeddedPoolTest::square, 2), "the pool goes on");
        }
    }
}
