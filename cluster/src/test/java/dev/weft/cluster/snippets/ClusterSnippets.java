package dev.weft.cluster.snippets;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.weft.cluster.ClassNotOnMemberException;
import dev.weft.cluster.ClusterMember;
import dev.weft.cluster.ClusterOptions;
import dev.weft.cluster.ClusterPool;
import dev.weft.cluster.MemberLostException;
import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The examples of weft-cluster's javadoc: each {@code @start region} below is shown by a
 * {@code {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=...}} tag, and the test
 * around it runs the example and checks what the javadoc says of it. Clusters here are one member
 * on {@code 127.0.0.1}; the examples that need several machines build their options only, and the
 * two that handle a lost member or a missing class are given the failure a pool reports for it
 * (the cluster module's own tests make those happen for real).
 */
class ClusterSnippets {

    static final class Work {
        private Work() {
        }

        static long countDown(long n) {
            return LongStream.rangeClosed(1, n).map(i -> n - i).filter(i -> i >= 0).count();
        }
    }

    /** What the examples log, as an SLF4J logger would be called. */
    private static final class Log {
        final List<String> lines = new ArrayList<>();

        void warn(String message, Object... args) {
            lines.add(message + " " + List.of(args));
        }

        void error(String message, Object... args) {
            warn(message, args);
        }
    }

    private final Log log = new Log();

    @Test
    void clusterPackage() throws InterruptedException {
        // @start region="cluster-package"
        List<Integer> squares;
        try (Pool pool = ClusterPool.embedded()) {            // was: Pool.processes(4)
            squares = pool.map(x -> x * x, List.of(1, 2, 3));
        }
        // @end
        assertEquals(List.of(1, 4, 9), squares);
    }

    @Test
    void clusterPool() throws InterruptedException {
        List<Long> inputs = List.of(10L, 20L, 30L);
        // @start region="cluster-pool"
        List<Long> counts;
        try (Pool pool = ClusterPool.embedded()) {          // was: Pool.processes(4)
            counts = pool.map(Work::countDown, inputs);
        }
        // @end
        assertEquals(List.of(10L, 20L, 30L), counts);
    }

    @Test
    void clusterContext() throws InterruptedException {
        // @start region="cluster-context"
        List<String> ids;
        org.slf4j.MDC.put("requestId", "req-42");
        try (Pool pool = ClusterPool.embedded()) {
            ids = pool.map(x -> org.slf4j.MDC.get("requestId") + " #" + x, List.of(1, 2));   // on a member
        } finally {
            org.slf4j.MDC.remove("requestId");
        }
        // @end
        assertEquals(List.of("req-42 #1", "req-42 #2"), ids);
    }

    @Test
    void currentMember() throws InterruptedException {
        List<Long> inputs = List.of(10L, 20L, 30L);
        try (Pool pool = ClusterPool.embedded()) {
            // @start region="current-member"
            List<String> where = pool.map(x -> ClusterPool.currentMember().orElseThrow().getAddress() + " got " + x, inputs);
            // @end
            assertEquals(3, where.size());
            assertTrue(where.get(2).endsWith(" got 30") && where.get(2).contains("127.0.0.1"), where.toString());
        }
        assertTrue(ClusterPool.currentMember().isEmpty(), "empty outside a chunk");
    }

    @Test
    void clusterPoolFarm() {
        // @start region="cluster-pool-farm"
        ClusterOptions farm = ClusterOptions.builder()
                .clusterName("farm").bindAddress("10.0.0.5")
                .members(List.of("10.0.0.5", "10.0.0.6", "10.0.0.7")).build();
        // @end
        assertEquals("farm", farm.clusterName());
        assertEquals("10.0.0.5", farm.bindAddress());
        assertEquals(3, farm.members().size());
    }

    @Test
    void clusterOptions() {
        // @start region="cluster-options"
        ClusterOptions farm = ClusterOptions.builder()
                .clusterName("render-farm")
                .bindAddress("10.0.0.5")                          // a private network, never the internet
                .members(List.of("10.0.0.5", "10.0.0.6", "10.0.0.7"))
                .workersPerMember(8)
                .build();
        // @end
        assertEquals("render-farm", farm.clusterName());
        assertEquals("10.0.0.5", farm.bindAddress());
        assertEquals(OptionalInt.of(8), farm.workersPerMember());
        assertEquals(3, farm.members().size());
    }

    @Test
    void clusterOptionsBuilder() {
        // @start region="cluster-options-builder"
        ClusterOptions options = ClusterOptions.builder().clusterName("jobs").build();
        // @end
        assertEquals("jobs", options.clusterName());
        assertEquals("127.0.0.1", options.bindAddress(), "closed by default: loopback only");
    }

    /** A cluster of one on 127.0.0.1, on a port of its own, joining at once. */
    private static ClusterOptions loopback() {
        int port = 40_000 + ThreadLocalRandom.current().nextInt(10_000);
        return ClusterOptions.builder()
                .clusterName("snippets-" + UUID.randomUUID())
                .bindAddress("127.0.0.1")
                .port(port)
                .members(List.of("127.0.0.1:" + port))
                .property("hazelcast.wait.seconds.before.join", "0")
                .property("hazelcast.max.wait.seconds.before.join", "0")
                .build();
    }

    private static void serve(ClusterOptions options) throws InterruptedException {
        // @start region="cluster-member"
        // java -cp app.jar:weft-cluster.jar:weft-parallel.jar:weft-core.jar:hazelcast.jar:slf4j-api.jar \
        //      dev.weft.cluster.ClusterMember --cluster-name farm --bind 10.0.0.6 \
        //      --members 10.0.0.5,10.0.0.6,10.0.0.7 --workers 8
        try (ClusterMember member = ClusterMember.start(options)) {
            member.awaitShutdown();
        }
        // @end
    }

    @Test
    void clusterMember() throws InterruptedException {
        ClusterOptions options = loopback();
        try (var scope = TaskScope.open()) {
            Task<Object> serving = scope.fork(() -> {
                serve(options);
                return null;
            });
            HazelcastInstance member = await("the member is up").atMost(Duration.ofSeconds(60))
                    .until(() -> Hazelcast.getAllHazelcastInstances().stream()
                            .filter(i -> i.getConfig().getClusterName().equals(options.clusterName()))
                            .findFirst().orElse(null), i -> i != null);
            assertTrue(serving.state() == Task.State.RUNNING, "awaitShutdown waits while the member runs");
            member.shutdown();   // as a signal, or another thread's close(), would
            scope.join();
            assertEquals(Task.State.SUCCESS, serving.state());
        }
    }

    @Test
    void memberLost() {
        // what pool.mapOutcomes(Work::crunch, inputs, 1) gives when input 7's chunk lost its member each time
        List<Outcome<Long>> outcomes = new ArrayList<>();
        for (long i = 0; i < 10; i++) {
            outcomes.add(i == 7
                    ? Outcome.failure(new MemberLostException("input 7 lost its member 3 times", List.of("10.0.0.6:5701"), null))
                    : Outcome.success(i));
        }
        // @start region="member-lost"
        if (outcomes.get(7) instanceof Outcome.Failure<Long> f && f.error() instanceof MemberLostException lost) {
            log.warn("input 7 lost its members {}", lost.members());
        }
        // @end
        assertEquals(List.of("input 7 lost its members {} [[10.0.0.6:5701]]"), log.lines);
    }

    private void mapOnTheFarm() {
        // what ClusterPool.map throws when a member cannot load the function's class
        throw new ParallelExecutionException(0, new ClassNotOnMemberException("com.example.Render", "10.0.0.6:5701",
                new ClassNotFoundException("com.example.Render")));
    }

    @Test
    void classNotOnMember() {
        // @start region="class-not-on-member"
        try {
            mapOnTheFarm();
        } catch (ParallelExecutionException e) {
            if (e.getCause() instanceof ClassNotOnMemberException missing) {
                log.error("deploy {} to {}", missing.className(), missing.member());
            }
        }
        // @end
        assertEquals(List.of("deploy {} to {} [com.example.Render, 10.0.0.6:5701]"), log.lines);
    }
}
