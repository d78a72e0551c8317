package dev.weft.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.transaction.TransactionException;
import dev.weft.parallel.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Members in other JVMs: two {@link ClusterMember}s run in child JVMs started through parallel's
 * {@link JvmProcess} launcher (this JVM's {@code java} and class path), and the pool's own member
 * here makes three, all on 127.0.0.1. Chunks reach every process, and a cluster shutdown ends the
 * children cleanly.
 */
class ChildJvmMemberTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final List<String> CHILD_JVM_ARGS = List.of("-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData");

    /** Runs in a child JVM: a member until its cluster shuts down; returns the child's pid. */
    static long runMember(ArrayList<String> args) {
        try {
            ClusterMember.main(args.toArray(String[]::new));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return ProcessHandle.current().pid();
    }

    /** Runs on a member: which process and member ran {@code x}. */
    static String whereAmI(int x) {
        try {
            Thread.sleep(30); // the workload
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return ProcessHandle.current().pid() + "/" + ClusterPool.currentMember().orElseThrow().getUuid();
    }

    /** Runs on a member: the MDC's request id there, and which process ran {@code x}. */
    static String requestIdWhere(int x) {
        whereAmI(x); // the same workload, so every member takes some
        return org.slf4j.MDC.get("requestId") + "@" + ProcessHandle.current().pid();
    }

    /**
     * Shuts every member of the cluster down. Hazelcast refuses a cluster-wide shutdown while
     * partitions migrate ("Still have pending migration tasks"), and three members that have just
     * joined may still be migrating after a short map on a loaded machine: so it waits until the
     * cluster is safe, and tries again if a migration started in between.
     */
    private static void shutDownTheCluster(ClusterPool pool) {
        await("a cluster-wide shutdown").atMost(LONG).until(() -> {
            if (!pool.instance().getPartitionService().isClusterSafe()) {
                return false;
            }
            try {
                pool.instance().getCluster().shutdown();
                return true;
            } catch (IllegalStateException | TransactionException migrating) {
                return false; // refused as a whole (the state change is a transaction): try again
            }
        });
    }

    private static ArrayList<String> memberArgs(ClusterOptions options) {
        ArrayList<String> args = new ArrayList<>(List.of("--cluster-name", options.clusterName(),
                "--members", String.join(",", options.members()), "--bind", options.bindAddress(),
                "--port", Integer.toString(options.port()),
                "--workers", "2"));
        for (Map.Entry<String, String> property : options.properties().entrySet()) {
            args.add("--property");
            args.add(property.getKey() + "=" + property.getValue());
        }
        return args;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // its own waits add up to more than the default
    void membersInChildJvmsRunChunks() throws Exception {
        ClusterOptions options = TestClusters.options().workersPerMember(2).build();
        List<JvmProcess<Long>> children = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                children.add(JvmProcess.start(ChildJvmMemberTest::runMember, memberArgs(options), CHILD_JVM_ARGS));
            }
            try (ClusterPool pool = ClusterPool.member(options)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> pool.members().size() == 3);
                List<String> ranOn = pool.map(ChildJvmMemberTest::whereAmI, IntStream.range(0, 90).boxed().toList(), 1);

                Set<Long> pids = ranOn.stream().map(s -> Long.parseLong(s.substring(0, s.indexOf('/'))))
                        .collect(Collectors.toSet());
                Set<Long> expected = new HashSet<>(Set.of(ProcessHandle.current().pid()));
                children.forEach(child -> expected.add(child.pid()));
                assertEquals(expected, pids, "this JVM and both children ran chunks");
                assertEquals(3, new HashSet<>(ranOn).size(), "three members took part");

                // The caller's MDC travels to the members in the other JVMs, and is removed there after the chunk.
                org.slf4j.MDC.put("requestId", "req-cluster");
                List<String> withId;
                try {
                    withId = pool.map(ChildJvmMemberTest::requestIdWhere, IntStream.range(0, 30).boxed().toList(), 1);
                } finally {
                    org.slf4j.MDC.remove("requestId");
                }
                assertTrue(withId.stream().allMatch(s -> s.startsWith("req-cluster@")), withId.toString());
                assertTrue(withId.stream().anyMatch(s -> !s.endsWith("@" + ProcessHandle.current().pid())),
                        "a child JVM's member ran some: " + withId);
                List<String> without = pool.map(ChildJvmMemberTest::requestIdWhere, IntStream.range(0, 30).boxed().toList(), 1);
                assertTrue(without.stream().allMatch(s -> s.startsWith("null@")), without.toString());

                shutDownTheCluster(pool); // every member, the children's too
            }
            for (JvmProcess<Long> child : children) {
                assertTrue(child.join(LONG), "the child's member ended within " + LONG + ": " + child);
                assertEquals(child.pid(), child.result(), "the child's member ended and its main returned");
                assertEquals(0, child.exitCode().orElseThrow());
            }
        } finally {
            for (JvmProcess<Long> child : children) {
                if (child.isAlive()) {
                    child.kill();
                    assertTrue(child.join(LONG), "a killed child ended: " + child);
                }
            }
            TestClusters.assertNoHazelcastThreadLeft();
        }
        assertTrue(children.stream().noneMatch(JvmProcess::isAlive));
    }
}
