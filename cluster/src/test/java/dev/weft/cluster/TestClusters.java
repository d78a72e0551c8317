package dev.weft.cluster;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Options and checks shared by the cluster tests: clusters of their own name on {@code 127.0.0.1}
 * only, each on ports of its own, with Hazelcast's timeouts shortened so that members start, join
 * and are declared dead in seconds on a busy two-core machine. Public for the tests of
 * {@code dev.weft.cluster.internal}.
 */
public final class TestClusters {

    private TestClusters() {
    }

    /** How many ports, from a test cluster's first, its members may take and are looked for at. */
    private static final int PORTS_PER_CLUSTER = 6;

    /**
     * {@return a builder for a fresh test cluster on 127.0.0.1 with short Hazelcast timeouts} Its
     * members take ports from a random base in 20,000-59,999, not Hazelcast's 5701: on the default
     * ports, another build's test cluster (or any Hazelcast on the machine) holds the first ports,
     * and a joining member that probes them meets a cluster of another name and may give up.
     */
    public static ClusterOptions.Builder options() {
        int base = 20_000 + ThreadLocalRandom.current().nextInt(4_000) * 10;
        List<String> members = IntStream.range(0, PORTS_PER_CLUSTER)
                .mapToObj(i -> "127.0.0.1:" + (base + i))
                .toList();
        return ClusterOptions.builder()
                .clusterName("weft-test-" + UUID.randomUUID().toString().substring(0, 8))
                .bindAddress("127.0.0.1")
                .port(base)
                .members(members)
                .property("hazelcast.wait.seconds.before.join", "0")
                .property("hazelcast.max.wait.seconds.before.join", "0")
                .property("hazelcast.max.no.heartbeat.seconds", "5")
                .property("hazelcast.heartbeat.interval.seconds", "1")
                .property("hazelcast.merge.first.run.delay.seconds", "5")
                .property("hazelcast.merge.next.run.delay.seconds", "5")
                .property("hazelcast.graceful.shutdown.max.wait", "20")
                .property("hazelcast.partition.count", "31")
                .property("hazelcast.client.heartbeat.timeout", "5000");
    }

    /**
     * Waits until no Hazelcast thread is left in this JVM: none named {@code hz.*}, nor after the
     * instances weft names ({@code weft.member-*}, {@code weft.client-*}; a few of Hazelcast's
     * networking threads take the instance's name without the {@code hz.} prefix).
     */
    public static void assertNoHazelcastThreadLeft() {
        await("no Hazelcast thread left").atMost(Duration.ofSeconds(30))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .noneMatch(t -> t.getName().startsWith("hz.") || t.getName().startsWith("weft.")));
    }

    /** Waits until {@code member} sees {@code size} data members. */
    public static void awaitClusterSize(ClusterMember member, int size) {
        await("cluster of " + size).atMost(Duration.ofSeconds(60))
                .until(() -> member.instance().getCluster().getMembers().size() == size);
    }
}
