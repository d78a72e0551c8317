package dev.weft.benchmarks.core;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.State;

/**
 * {@code tasks} trivial forks in one {@link TaskScope}, joined and read, against the same tasks on
 * a raw virtual-thread-per-task executor closed by try-with-resources: the cost of a fork, scope
 * bookkeeping included (fail-fast tracking, the join, and the wait at close until every fork's
 * thread has ended). Divide the time by {@code tasks} for the cost of one fork.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar TaskScopeForkBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TaskScopeForkBenchmark {

    /** How many forks one scope makes. */
    @Param({"1000", "100000"})
    public int tasks;

    /**
     * {@return the sum of the forks' results, read after {@code join()}}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public long weftScope() throws InterruptedException {
        List<Task<Integer>> forks = new ArrayList<>(tasks);
        try (var scope = TaskScope.open()) {
            for (int i = 0; i < tasks; i++) {
                int value = i;
                forks.add(scope.fork(() -> value));
            }
            scope.join();
        }
        long sum = 0;
        for (Task<Integer> fork : forks) {
            sum += fork.await();
        }
        return sum;
    }

    /**
     * {@return the sum of the same tasks' results on a raw executor}
     *
     * @throws InterruptedException if interrupted
     * @throws ExecutionException if a task failed
     */
    @Benchmark
    public long rawExecutor() throws InterruptedException, ExecutionException {
        List<Future<Integer>> futures = new ArrayList<>(tasks);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks; i++) {
                int value = i;
                futures.add(executor.submit(() -> value));
            }
        }
        long sum = 0;
        for (Future<Integer> future : futures) {
            sum += future.get();
        }
        return sum;
    }
}
