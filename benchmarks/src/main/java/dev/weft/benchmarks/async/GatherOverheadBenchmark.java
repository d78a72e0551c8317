package dev.weft.benchmarks.async;

import dev.weft.async.Async;
import dev.weft.async.Futures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * 100,000 trivial tasks (no sleep) gathered: what one task costs, weft's bookkeeping against a raw
 * virtual-thread-per-task executor; and {@code Futures.gather} over completed futures, the cost of
 * gathering alone. Divide the time by {@code tasks} for the per-task overhead.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar GatherOverheadBenchmark -f 1 -wi 2 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class GatherOverheadBenchmark {

    /** How many tasks one gather runs. */
    @Param({"100000"})
    public int tasks;

    private List<Callable<Integer>> work;
    private List<CompletableFuture<Integer>> completed;

    /** Builds the inputs once. */
    @Setup
    public void setUp() {
        Callable<Integer> trivial = () -> 1;
        work = Collections.nCopies(tasks, trivial);
        completed = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            completed.add(CompletableFuture.completedFuture(i));
        }
    }

    /**
     * {@return the results of {@code Async.gather} over trivial tasks}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public List<Integer> weftGather() throws InterruptedException {
        return Async.gather(work);
    }

    /**
     * {@return the results of the same tasks on a raw virtual-thread-per-task executor}
     *
     * @throws InterruptedException if interrupted
     * @throws ExecutionException if a task failed
     */
    @Benchmark
    public List<Integer> rawExecutor() throws InterruptedException, ExecutionException {
        return GatherSleepBenchmark.RawExecutor.gather(work);
    }

    /** {@return the values of already completed futures, through {@code Futures.gather}} */
    @Benchmark
    public List<Integer> futuresGatherCompleted() {
        return Futures.gather(completed).join();
    }
}
