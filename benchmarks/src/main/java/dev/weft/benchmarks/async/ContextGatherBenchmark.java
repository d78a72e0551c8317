package dev.weft.benchmarks.async;

import dev.weft.async.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
 * {@code Async.gather} of {@code tasks} trivial tasks, each starting with the caller's context
 * (issue 17), with an empty MDC and with {@code mdcEntries} entries. Divide by {@code tasks} for
 * one task.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ContextGatherBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ContextGatherBenchmark {

    /** How many MDC entries the caller has. */
    @Param({"0", "5"})
    public int mdcEntries;

    /** How many tasks one gather runs. */
    @Param({"1000"})
    public int tasks;

    private List<Callable<Integer>> work;

    /** Fills the MDC and makes the tasks. */
    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < mdcEntries; i++) {
            MDC.put("key-" + i, "value-" + i);
        }
        work = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int value = i;
            work.add(() -> value);
        }
    }

    /** Empties the MDC again. */
    @TearDown(Level.Trial)
    public void clearMdc() {
        MDC.clear();
    }

    /**
     * {@return the gathered results}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public List<Integer> gather() throws InterruptedException {
        return Async.gather(work);
    }
}
