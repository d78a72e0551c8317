package dev.weft.benchmarks.sync;

import dev.weft.sync.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * weft {@link Semaphore} against {@link java.util.concurrent.Semaphore}, one permit, acquire and
 * release by one thread and by two.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SemaphoreBenchmark -f 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SemaphoreBenchmark {
    private final Semaphore weft = new Semaphore(1);
    private final java.util.concurrent.Semaphore raw = new java.util.concurrent.Semaphore(1);
    private long counter;

    /** Creates the benchmark state; JMH does this. */
    public SemaphoreBenchmark() {
    }

    /** weft Semaphore, one thread. @throws InterruptedException never in practice */
    @Benchmark
    @Threads(1)
    public long weftUncontended() throws InterruptedException {
        weft.acquire();
        try {
            return ++counter;
        } finally {
            weft.release();
        }
    }

    /** j.u.c Semaphore, one thread. @throws InterruptedException never in practice */
    @Benchmark
    @Threads(1)
    public long rawUncontended() throws InterruptedException {
        raw.acquire();
        try {
            return ++counter;
        } finally {
            raw.release();
        }
    }

    /** weft Semaphore, two threads. @throws InterruptedException never in practice */
    @Benchmark
    @Threads(2)
    public long weftContended() throws InterruptedException {
        return weftUncontended();
    }

    /** j.u.c Semaphore, two threads. @throws InterruptedException never in practice */
    @Benchmark
    @Threads(2)
    public long rawContended() throws InterruptedException {
        return rawUncontended();
    }
}
