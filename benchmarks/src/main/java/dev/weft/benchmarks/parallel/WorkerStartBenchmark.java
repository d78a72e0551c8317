package dev.weft.benchmarks.parallel;

import dev.weft.parallel.JvmProcess;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.internal.ProcessBackedPool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How long child JVMs take to be useful, from the call that creates a {@code Pool.processes(2)}
 * (closing it is not timed): until both workers are ready (their JVM is up and has said READY
 * on the channel), and until a first map of two inputs has returned (which adds, in the
 * children, the first Java deserialization and the linking of the task's lambda); and a
 * {@code JvmProcess} from start to result. Target: both pool workers ready in ≤ 100 ms.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar WorkerStartBenchmark -f 1 -wi 5 -i 20
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class WorkerStartBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Pool pool;

    /** Closes the pool the invocation started, outside the measured time. */
    @TearDown(Level.Invocation)
    public void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    /**
     * {@return true once both workers of a new pool have said READY}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public boolean poolOfTwoUntilBothReady() throws InterruptedException {
        ProcessBackedPool processes = new ProcessBackedPool(ProcessPoolOptions.builder().workers(2).build());
        pool = processes;
        return processes.awaitWorkersReady(WAIT);
    }

    /**
     * {@return the results of a new pool's first map: two inputs, one per chunk}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public List<Long> poolOfTwoUntilFirstMap() throws InterruptedException {
        pool = Pool.processes(2);
        return pool.map(x -> x + 1, List.of(1L, 2L), 1);
    }

    /**
     * {@return the result of a one-shot child JVM}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public Integer jvmProcessStartToResult() throws InterruptedException {
        return JvmProcess.start(x -> x + 1, 41).result();
    }
}
