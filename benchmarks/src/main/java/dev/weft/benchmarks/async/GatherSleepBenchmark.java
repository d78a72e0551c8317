package dev.weft.benchmarks.async;

import dev.weft.async.Async;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * N tasks that each sleep 10 ms, gathered: the notebook's {@code asyncio.gather} workload at
 * scale. {@link #weftGather} is {@code Async.gather}; {@link #rawExecutor} is the same work
 * submitted to a {@code newVirtualThreadPerTaskExecutor()} and collected in order, the floor
 * weft builds on. The target is weft within 1.2 times the raw executor, in time and near it
 * in bytes per task (issue 18). One million tasks:
 * {@code -p tasks=1000000} (fits the 1.5 GB heap the fork is given).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar GatherSleepBenchmark -f 1 -wi 2 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1500m"})
public class GatherSleepBenchmark {

    /** How many tasks one gather runs. */
    @Param({"10000", "100000"})
    public int tasks;

    private List<Callable<Integer>> work;

    /** Builds the list of tasks once: the same sleeping callable, {@code tasks} times. */
    @Setup
    public void setUp() {
        Callable<Integer> sleep10ms = () -> {
            Thread.sleep(10);
            return 1;
        };
        work = Collections.nCopies(tasks, sleep10ms);
    }

    /**
     * {@return the results of {@code Async.gather} over the tasks}
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
        return RawExecutor.gather(work);
    }

    /** The baseline: submit everything, then collect in order. */
    static final class RawExecutor {
        private RawExecutor() {
        }

        static <T> List<T> gather(List<Callable<T>> work) throws InterruptedException, ExecutionException {
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<T>> futures = new ArrayList<>(work.size());
                for (Callable<T> task : work) {
                    futures.add(executor.submit(task));
                }
                List<T> results = new ArrayList<>(futures.size());
                for (Future<T> future : futures) {
                    results.add(future.get());
                }
                return results;
            }
        }
    }
}
