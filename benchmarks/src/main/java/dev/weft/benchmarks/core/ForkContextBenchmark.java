package dev.weft.benchmarks.core;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.core.internal.ForkContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.slf4j.MDC;

/**
 * What context propagation (issue 17) costs a fork: {@code tasks} trivial forks in one
 * {@link TaskScope} that inherits the forker's context, against the same scope with
 * {@code inheritContext(false)}, with an empty MDC and with {@code mdcEntries} entries; and the
 * propagation alone, {@code ForkContext.capture()} on the forker plus {@code install()} and
 * {@code close()} on a thread with an empty MDC (what a new fork thread does), in ns.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ForkContextBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ForkContextBenchmark {

    /** How many MDC entries the forker has. */
    @Param({"0", "5"})
    public int mdcEntries;

    /** How many forks one scope makes. */
    @Param({"1000"})
    public int tasks;

    private ForkContext captured;

    /** Puts {@link #mdcEntries} entries in the benchmark thread's MDC. */
    @Setup(Level.Trial)
    public void fillMdc() {
        for (int i = 0; i < mdcEntries; i++) {
            MDC.put("key-" + i, "value-" + i);
        }
        captured = ForkContext.capture();
    }

    /** Empties the MDC again. */
    @TearDown(Level.Trial)
    public void clearMdc() {
        MDC.clear();
    }

    /**
     * {@return the sum of the forks' results, each fork inheriting the MDC}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long forkInheriting() throws InterruptedException {
        return forks(TaskScope.open());
    }

    /**
     * {@return the sum of the forks' results, the forks starting clean}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long forkClean() throws InterruptedException {
        return forks(TaskScope.builder().inheritContext(false).open());
    }

    private long forks(TaskScope opened) throws InterruptedException {
        List<Task<Integer>> forks = new ArrayList<>(tasks);
        try (var scope = opened) {
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

    /** {@return a snapshot of the benchmark thread's context: the forker's half of a fork} */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ForkContext capture() {
        return ForkContext.capture();
    }

    /**
     * Installs the snapshot and restores, on a thread whose MDC is the captured one: an upper
     * bound of the fork thread's half (a new fork thread starts with an empty MDC, which is
     * cheaper to save and put back).
     *
     * @return the snapshot, so that nothing is optimised away
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ForkContext installAndRestore() {
        ForkContext.Restore restore = captured.install();
        restore.close();
        return captured;
    }
}
