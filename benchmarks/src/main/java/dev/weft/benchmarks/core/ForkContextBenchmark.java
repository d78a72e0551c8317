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
 * {@code close()} on a thread with an empty MDC (what a new fork thread does), in ns. The sum of
 * those two is the propagation cost of one fork.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ForkContextBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ForkContextBenchmark {

    /** The benchmark thread with {@code mdcEntries} MDC entries: the forker. */
    @State(Scope.Thread)
    public static class Forker {
        /** How many MDC entries the forker has. */
        @Param({"0", "5"})
        public int mdcEntries;

        /** How many forks one scope makes. */
        @Param({"1000"})
        public int tasks;

        /** Puts {@link #mdcEntries} entries in the benchmark thread's MDC. */
        @Setup(Level.Trial)
        public void fillMdc() {
            fill(mdcEntries);
        }

        /** Empties the MDC again. */
        @TearDown(Level.Trial)
        public void clearMdc() {
            MDC.clear();
        }
    }

    /** A snapshot of {@code mdcEntries} entries, and the benchmark thread with an empty MDC: a new fork's thread. */
    @State(Scope.Thread)
    public static class ForkThread {
        /** How many MDC entries the snapshot has. */
        @Param({"0", "5"})
        public int mdcEntries;

        ForkContext captured;

        /** Captures {@link #mdcEntries} entries, then empties the thread's MDC. */
        @Setup(Level.Trial)
        public void capture() {
            fill(mdcEntries);
            captured = ForkContext.capture();
            MDC.clear();
        }
    }

    private static void fill(int entries) {
        for (int i = 0; i < entries; i++) {
            MDC.put("key-" + i, "value-" + i);
        }
    }

    /**
     * {@return the sum of the forks' results, each fork inheriting the MDC}
     *
     * @param forker the forking thread's state
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long forkInheriting(Forker forker) throws InterruptedException {
        return forks(TaskScope.open(), forker.tasks);
    }

    /**
     * {@return the sum of the forks' results, the forks starting clean}
     *
     * @param forker the forking thread's state
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long forkClean(Forker forker) throws InterruptedException {
        return forks(TaskScope.builder().inheritContext(false).open(), forker.tasks);
    }

    private static long forks(TaskScope opened, int tasks) throws InterruptedException {
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

    /**
     * {@return a snapshot of the benchmark thread's context: the forker's half of a fork}
     *
     * @param forker the forking thread's state
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ForkContext capture(Forker forker) {
        return ForkContext.capture();
    }

    /**
     * Installs the snapshot on a thread with an empty MDC and restores it: the fork thread's half.
     *
     * @param thread the snapshot and the clean thread
     * @return the snapshot, so that nothing is optimised away
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ForkContext installAndRestore(ForkThread thread) {
        ForkContext.Restore restore = thread.captured.install();
        restore.close();
        return thread.captured;
    }
}
