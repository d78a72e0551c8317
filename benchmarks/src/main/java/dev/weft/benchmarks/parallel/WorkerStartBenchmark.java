package dev.weft.benchmarks.parallel;

import dev.weft.parallel.JvmProcess;
import dev.weft.parallel.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * How long child JVMs take to be useful: a new {@code Pool.processes(2)} until both workers have
 * answered a task (one input each), then closed; and a {@code JvmProcess} from start to result.
 * Target: both pool workers ready in ≤ 100 ms.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar WorkerStartBenchmark -f 1 -wi 3 -i 10
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class WorkerStartBenchmark {

    /**
     * {@return the pids of the workers that answered}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public List<Long> poolOfTwoUntilBothAnswer() throws InterruptedException {
        try (Pool pool = Pool.processes(2)) {
            return pool.map(x -> ProcessHandle.current().pid() + x, List.of(0L, 0L), 1);
        }
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
