package dev.weft.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.cluster.Member;
import dev.weft.core.Outcome;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.SerializableFunction;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link ClusterPool} over three members in this JVM, all on 127.0.0.1, started once for the
 * class: work is spread over every member, members and clients of the cluster are pools alike, and
 * what cannot travel (a class a member lacks, a function, input or result that does not
 * serialize) fails with a message that names it.
 */
class ThreeMemberClusterTest {
    private static ClusterOptions options;
    private static List<ClusterMember> members;

    @BeforeAll
    static void startMembers() {
        options = TestClusters.options().workersPerMember(2).build();
        members = IntStream.range(0, 3).mapToObj(i -> ClusterMember.start(options)).toList();
        TestClusters.awaitClusterSize(members.get(0), 3);
    }

    @AfterAll
    static void stopMembers() {
        members.forEach(ClusterMember::close);
        TestClusters.assertNoHazelcastThreadLeft();
    }

    static String whereAmI(int x) throws IllegalStateException {
        try {
            Thread.sleep(20); // the workload: long enough for chunks to overlap
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return ClusterPool.currentMember().orElseThrow().getUuid().toString();
    }

    static int triple(int x) {
        return 3 * x;
    }

    private static Set<String> uuids(List<Member> of) {
        return of.stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
    }

    private static Set<String> memberUuids() {
        return uuids(List.copyOf(members.get(0).instance().getCluster().getMembers()));
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aClientPoolSpreadsChunksOverEveryMember() throws InterruptedException {
        try (ClusterPool pool = ClusterPool.client(options)) {
            assertEquals(3, pool.members().size());
            assertEquals(6, pool.workers(), "three members announcing two workers each");
            List<String> ranOn = pool.map(ThreeMemberClusterTest::whereAmI, range(60), 1);
            assertEquals(60, ranOn.size());
            assertEquals(memberUuids(), new HashSet<>(ranOn), "every member ran some inputs");
        }
    }

    @Test
    void aMemberPoolJoinsTheClusterAndWorksToo() throws InterruptedException {
        Set<String> ranOn;
        String own;
        try (ClusterPool pool = ClusterPool.member(options)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.members().size() == 4);
            own = pool.instance().getCluster().getLocalMember().getUuid().toString();
            ranOn = new HashSet<>(pool.map(ThreeMemberClusterTest::whereAmI, range(80), 1));
            assertEquals(4, ranOn.size(), "the three members and the pool's own: " + ranOn);
            assertTrue(ranOn.contains(own));
        }
        // Every member, not only the first: a later test's client may take its member list from
        // any of them, and must not find the pool's member there.
        members.forEach(member -> TestClusters.awaitClusterSize(member, 3));
        assertEquals(3, memberUuids().size(), "the pool's member left when it closed");
    }

    @Test
    void aFunctionWhoseClassExistsOnlyInTheCallersClassLoaderTravelsWithItsBytes(@TempDir Path dir) throws Exception {
        String source = """
                package weft.hidden;
                public class Tripler implements dev.weft.parallel.SerializableFunction<Integer, Integer> {
                    private static final long serialVersionUID = 1L;
                    @Override
                    public Integer apply(Integer x) {
                        return 3 * x;
                    }
                }
                """;
        try (URLClassLoader loader = HiddenClasses.compile(dir, "weft.hidden.Tripler", source);
                ClusterPool pool = ClusterPool.over(members.get(0).instance())) {
            @SuppressWarnings("unchecked") // the class compiled above is a SerializableFunction<Integer, Integer>
            SerializableFunction<Integer, Integer> hidden = (SerializableFunction<Integer, Integer>)
                    loader.loadClass("weft.hidden.Tripler").getConstructor().newInstance();
            assertThrows(ClassNotFoundException.class, () -> Class.forName("weft.hidden.Tripler"),
                    "the class is not on any member's class path");
            // Shipped, as to a child JVM (ShippedClasses): every member defines it from the bytes.
            assertEquals(List.of(3, 6, 9, 12, 15, 18), pool.map(hidden, List.of(1, 2, 3, 4, 5, 6), 1));
        }
    }

    @Test
    void anInputClassMissingOnTheMembersIsNamed(@TempDir Path dir) throws Exception {
        String source = """
                package weft.hidden;
                public class Parcel implements java.io.Serializable {
                    private static final long serialVersionUID = 1L;
                }
                """;
        try (URLClassLoader loader = HiddenClasses.compile(dir, "weft.hidden.Parcel", source);
                ClusterPool pool = ClusterPool.over(members.get(0).instance())) {
            Object parcel = loader.loadClass("weft.hidden.Parcel").getConstructor().newInstance();
            SerializableFunction<Object, String> describe = String::valueOf;
            ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                    () -> pool.map(describe, List.of(parcel, parcel)));
            ClassNotOnMemberException missing = assertInstanceOf(ClassNotOnMemberException.class, e.getCause());
            assertEquals("weft.hidden.Parcel", missing.className());
            assertTrue(missing.getMessage().contains("is not on the class path of cluster member 127.0.0.1:"),
                    missing.getMessage());
            assertTrue(missing.member().startsWith("127.0.0.1:"));
            List<Outcome<String>> outcomes = pool.mapOutcomes(describe, List.of(parcel, 2), 1);
            assertTrue(outcomes.get(0) instanceof Outcome.Failure<String> f && f.error() instanceof ClassNotOnMemberException,
                    outcomes.toString());
            assertEquals(Outcome.success("2"), outcomes.get(1));
            assertEquals(List.of(3, 6), pool.map(ThreeMemberClusterTest::triple, List.of(1, 2)), "the pool goes on");
        }
    }

    @Test
    void whatDoesNotSerializeFailsAtTheCallNamingIt() throws InterruptedException {
        try (ClusterPool pool = ClusterPool.over(members.get(0).instance())) {
            Object notSerializable = new Object();
            SerializableFunction<Integer, Integer> capturing = x -> x + notSerializable.hashCode();
            IllegalArgumentException fn = assertThrows(IllegalArgumentException.class,
                    () -> pool.map(capturing, List.of(1)));
            assertTrue(fn.getMessage().contains("class java.lang.Object is not Serializable"), fn.getMessage());
            IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                    () -> pool.map(String::valueOf, List.of(1, new Object())));
            assertTrue(input.getMessage().startsWith("input #1 cannot be sent to the cluster"), input.getMessage());
            assertEquals(List.of(3), pool.map(ThreeMemberClusterTest::triple, List.of(1)), "the pool goes on");
        }
    }

    @Test
    void aResultThatDoesNotSerializeFailsItsOwnInput() throws InterruptedException {
        try (ClusterPool pool = ClusterPool.over(members.get(0).instance())) {
            SerializableFunction<Integer, Object> fn = x -> x == 1 ? new Object() : x;
            ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                    () -> pool.map(fn, List.of(0, 1, 2)));
            assertEquals(1, e.index());
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("cannot be sent back"), e.getCause().getMessage());
            List<Outcome<Object>> outcomes = pool.mapOutcomes(fn, List.of(0, 1, 2));
            assertEquals(Outcome.success(0), outcomes.get(0));
            assertInstanceOf(Outcome.Failure.class, outcomes.get(1));
            assertEquals(Outcome.success(2), outcomes.get(2));
        }
    }

    @Test
    void currentMemberIsEmptyOutsideAChunk() throws InterruptedException {
        assertTrue(ClusterPool.currentMember().isEmpty());
        try (ClusterPool pool = ClusterPool.over(members.get(0).instance())) {
            SerializableFunction<Integer, Boolean> inside = x -> ClusterPool.currentMember().isPresent();
            assertEquals(List.of(true), pool.map(inside, List.of(1)));
        }
    }

    @Test
    void closingAPoolOverAnInstanceLeavesItRunning() throws InterruptedException {
        ClusterPool pool = ClusterPool.over(members.get(1).instance());
        assertEquals(List.of(9), pool.map(ThreeMemberClusterTest::triple, List.of(3)));
        pool.close();
        assertTrue(members.get(1).isRunning());
        assertThrows(IllegalStateException.class, () -> pool.apply(ThreeMemberClusterTest::triple, 1));
    }

    @Test
    void aClientOfAnotherClusterNameIsRefused() {
        ClusterOptions stranger = ClusterOptions.builder()
                .clusterName("not-" + options.clusterName())
                .members(options.members())
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClusterPool.client(stranger));
        assertTrue(e.getMessage().contains("cannot reach cluster 'not-"), e.getMessage());
        assertEquals(3, memberUuids().size());
    }

    @Test
    void overRefusesNullAndStoppedInstances() {
        assertThrows(NullPointerException.class, () -> ClusterPool.over(null));
        assertThrows(NullPointerException.class, () -> ClusterPool.over(members.get(0).instance(), null));
        assertThrows(NullPointerException.class, () -> ClusterPool.member(null));
        assertThrows(NullPointerException.class, () -> ClusterPool.client(null));
    }
}
