package dev.weft.benchmarks.sync;

import dev.weft.sync.Lock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * weft {@link Lock} (owner-less, on AQS) against {@link ReentrantLock}: one acquire/release pair
 * per operation, by one thread (uncontended) and by two threads on the same lock (contended).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LockBenchmark -f 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LockBenchmark {
    private final Lock weft = new Lock();
    private final ReentrantLock raw = new ReentrantLock();
    private long counter;

    /** Creates the benchmark state; JMH does this. */
    public LockBenchmark() {
    }

    /** weft Lock, one thread. @throws InterruptedException never in practice */
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

    /** ReentrantLock, one thread. @return the counter */
    @Benchmark
    @Threads(1)
    public long rawUncontended() {
        raw.lock();
        try {
            return ++counter;
        } finally {
            raw.unlock();
        }
    }

    /** weft Lock, two threads. @throws InterruptedException never in practice */
    @Benchmark
    @Threads(2)
    public long weftContended() throws InterruptedException {
        return weftUncontended();
    }

    /** ReentrantLock, two threads. @return the counter */
    @Benchmark
    @Threads(2)
    public long rawContended() {
        return rawUncontended();
    }
}
