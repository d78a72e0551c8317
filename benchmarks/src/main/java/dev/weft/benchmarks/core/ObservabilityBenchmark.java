package dev.weft.benchmarks.core;

import dev.weft.async.Async;
import dev.weft.core.TaskScope;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
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
 * The cost of weft's JFR events and scope registry on its two hot paths, {@code tasks} trivial
 * forks in one {@link TaskScope} and one {@code Async.gather} of {@code tasks} trivial tasks: with
 * no recording ({@code off}: the events cost an enabled-check), and with a recording of the JDK's
 * {@code default} settings running ({@code on}: {@code dev.weft.Fork} keeps its 1 ms threshold, so
 * trivial forks are timed but not written).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ObservabilityBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ObservabilityBenchmark {

    /** How many forks or gathered tasks one operation runs. */
    @Param({"100000"})
    public int tasks;

    /** {@code off}: no recording; {@code on}: a recording with the JDK's default settings. */
    @Param({"off", "on"})
    public String recording;

    private List<Callable<Integer>> work;
    private Recording running;

    /**
     * Builds the inputs, and starts the recording if asked.
     *
     * @throws Exception if the default configuration cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Callable<Integer> trivial = () -> 1;
        work = Collections.nCopies(tasks, trivial);
        if (recording.equals("on")) {
            running = new Recording(Configuration.getConfiguration("default"));
            running.enable("dev.weft.Scope");
            running.enable("dev.weft.Fork");
            running.setToDisk(true);
            running.start();
        }
    }

    /** Stops the recording. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (running != null) {
            running.close();
        }
    }

    /**
     * {@return the number of forks joined}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public int fork() throws InterruptedException {
        try (var scope = TaskScope.open()) {
            for (int i = 0; i < tasks; i++) {
                scope.fork(work.get(i));
            }
            scope.join();
        }
        return tasks;
    }

    /**
     * {@return the results of one gather}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public List<Integer> gather() throws InterruptedException {
        return Async.gather(work);
    }
}
