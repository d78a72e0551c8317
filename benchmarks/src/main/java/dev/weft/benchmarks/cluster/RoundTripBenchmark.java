package dev.weft.benchmarks.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import dev.weft.cluster.ClusterMember;
import dev.weft.cluster.ClusterOptions;
import dev.weft.cluster.ClusterPool;
import dev.weft.parallel.internal.ChunkCodec;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One cluster chunk's round trip at chunk size 1: {@code ClusterPool.apply} of a trivial function
 * next to a raw {@link IExecutorService#submitToMember} of a {@link Callable} carrying the same
 * bytes (the encoded function and input), on the same two members in this JVM (the pool's member
 * and one {@link ClusterMember}, one worker each). Both take turns between the two members as the
 * pool does, so half the calls cross the loopback network and half stay in the member. The
 * difference is what weft adds: its codec, the context prefix, the dispatcher, its futures and
 * the task's serialization. Target: weft ≤ 1.2 × raw.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar RoundTripBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "--add-modules", "java.se",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.management/sun.management=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED"})
public class RoundTripBenchmark {

    /** A raw task carrying weft's bytes for one chunk, answering with as many bytes as weft's reply. */
    static final class RawTask implements Callable<byte[]>, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final byte[] function;
        private final byte[] arguments;
        private final long firstIndex;
        private final int replyLength;

        RawTask(byte[] function, byte[] arguments, long firstIndex, int replyLength) {
            this.function = function;
            this.arguments = arguments;
            this.firstIndex = firstIndex;
            this.replyLength = replyLength;
        }

        @Override
        public byte[] call() {
            byte[] reply = new byte[replyLength];
            reply[0] = (byte) (function.length + arguments.length + firstIndex);
            return reply;
        }
    }

    private ClusterMember other;
    private ClusterPool pool;
    private IExecutorService executor;
    private IExecutorService poolExecutor;
    private List<Member> members;
    private RawTask raw;
    private int turn;

    static int plusOne(int x) {
        return x + 1;
    }

    /** Starts the two members and the pool, and warms both paths. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ClusterOptions options = ClusterOptions.builder()
                .clusterName("weft-bench-" + UUID.randomUUID().toString().substring(0, 8))
                .workersPerMember(1)
                .property("hazelcast.wait.seconds.before.join", "0")
                .build();
        other = ClusterMember.start(options);
        pool = ClusterPool.member(options);
        HazelcastInstance instance = pool.instance();
        executor = instance.getExecutorService("weft-bench-raw");
        poolExecutor = instance.getExecutorService("weft-pool");
        members = new ArrayList<>(instance.getCluster().getMembers());
        byte[] function = ChunkCodec.function((dev.weft.parallel.SerializableFunction<Integer, Integer>)
                RoundTripBenchmark::plusOne, "the cluster");
        List<Object> input = List.of(41);
        byte[] arguments = ChunkCodec.inputs(input, 0, "the cluster");
        raw = new RawTask(function, arguments, 0, 12);
        for (int i = 0; i < 2_000; i++) {
            weft();
            raw();
        }
    }

    /** Closes the pool and the other member. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
        other.close();
    }

    /** {@return one {@code apply} through the cluster pool} */
    @Benchmark
    public Integer weft() throws InterruptedException {
        return pool.apply(RoundTripBenchmark::plusOne, 41);
    }

    /** {@return one raw submit of the same bytes, to the members in turn, on the pool's own executor service} */
    @Benchmark
    public byte[] rawOnPoolExecutor() throws InterruptedException, ExecutionException {
        Member member = members.get(turn++ & 1);
        return poolExecutor.submitToMember(raw, member).get();
    }

    /** {@return one raw submit of the same bytes to the pool's own member (no network)} */
    @Benchmark
    public byte[] rawLocal() throws InterruptedException, ExecutionException {
        return executor.submitToMember(raw, pool.instance().getCluster().getLocalMember()).get();
    }

    /** {@return one raw submit of the same bytes to the other member (over loopback)} */
    @Benchmark
    public byte[] rawRemote() throws InterruptedException, ExecutionException {
        Member local = pool.instance().getCluster().getLocalMember();
        return executor.submitToMember(raw, members.get(0).equals(local) ? members.get(1) : members.get(0)).get();
    }

    /** {@return one raw submit of the same bytes, to the members in turn} */
    @Benchmark
    public byte[] raw() throws InterruptedException, ExecutionException {
        Member member = members.get(turn++ & 1);
        return executor.submitToMember(raw, member).get();
    }
}
