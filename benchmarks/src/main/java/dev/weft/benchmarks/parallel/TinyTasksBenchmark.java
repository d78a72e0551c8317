package dev.weft.benchmarks.parallel;

import dev.weft.parallel.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 100,000 trivial tasks through a warm {@code Pool.processes(2)}: with the default chunk size
 * (12,500 inputs a chunk, 8 chunks) and with chunk size 1 (100,000 frames each way, pipelined).
 * Divide the time by {@code tasks} for the per-task cost. Targets: chunk size 1 ≤ 20 µs a task;
 * default chunk size no slower than Python's warm {@code Pool(2).map}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar TinyTasksBenchmark -f 1 -wi 2 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TinyTasksBenchmark {

    /** How many tasks one map runs. */
    @Param({"100000"})
    public int tasks;

    /** The chunk size; 0 for Python's default, {@code ceil(n / (4 × workers))}. */
    @Param({"0", "1"})
    public int chunkSize;

    private Pool pool;
    private List<Integer> inputs;

    /**
     * Starts and warms the pool.
     *
     * @throws InterruptedException if interrupted
     */
    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        pool = Pool.processes(2);
        inputs = IntStream.range(0, tasks).boxed().toList();
        pool.map(TinyTasksBenchmark::plusOne, IntStream.range(0, 2_000).boxed().toList(), 1);
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /**
     * A trivial task.
     *
     * @param x the input
     * @return {@code x + 1}
     */
    public static int plusOne(int x) {
        return x + 1;
    }

    /**
     * {@return the last result of the map}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public int map() throws InterruptedException {
        List<Integer> results = chunkSize == 0
                ? pool.map(TinyTasksBenchmark::plusOne, inputs)
                : pool.map(TinyTasksBenchmark::plusOne, inputs, chunkSize);
        return results.get(results.size() - 1);
    }
}
