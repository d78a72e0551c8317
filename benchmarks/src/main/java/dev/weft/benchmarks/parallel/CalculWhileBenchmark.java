package dev.weft.benchmarks.parallel;

import dev.weft.parallel.Pool;
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

/**
 * The notebook's {@code calcul_while} over {@code [5M, 3M, 6M, 10M]}: sequential, on
 * {@code Pool.threads(2)} and on a warm {@code Pool.processes(2)}, with the default chunk size
 * (1 here: 4 inputs, 2 workers). The four inputs are unbalanced (10M is 42% of the work), which
 * caps two workers near 1.85×. Target: threads ≥ 1.6× sequential.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CalculWhileBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class CalculWhileBenchmark {

    /** Where the four inputs run: {@code sequential}, {@code threads} or {@code processes}. */
    @Param({"sequential", "threads", "processes"})
    public String backend;

    /**
     * The inputs: {@code notebook}, the notebook's four uneven {@code nombres} (their imbalance caps
     * two workers near 1.85×), or {@code balanced}, eight equal inputs of 6,000,000.
     */
    @Param({"notebook", "balanced"})
    public String inputs;

    private Pool pool;
    private List<Integer> numbers;

    /**
     * Starts and warms the pool: both workers have run the function.
     *
     * @throws InterruptedException if interrupted
     */
    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        numbers = inputs.equals("balanced") ? java.util.Collections.nCopies(8, 6_000_000) : CalculWhile.NOMBRES;
        pool = switch (backend) {
            case "sequential" -> null;
            case "threads" -> Pool.threads(2);
            case "processes" -> Pool.processes(2);
            default -> throw new IllegalArgumentException(backend);
        };
        if (pool != null) {
            pool.map(CalculWhile::run, List.of(1_000, 1_000), 1);
        }
    }

    /** Closes the pool: no child JVM outlives the trial. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.close();
        }
    }

    /**
     * {@return the folded counters, summed}
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public long calculWhile() throws InterruptedException {
        List<Long> results;
        if (pool == null) {
            long sum = 0;
            for (int x : numbers) {
                sum += CalculWhile.run(x);
            }
            return sum;
        }
        results = pool.map(CalculWhile::run, numbers);
        return results.stream().mapToLong(Long::longValue).sum();
    }
}
