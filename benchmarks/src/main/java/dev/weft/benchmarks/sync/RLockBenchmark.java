package dev.weft.benchmarks.sync;

import dev.weft.sync.RLock;
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
 * weft {@link RLock} (a {@link ReentrantLock} plus the owner/count it keeps for its repr) against
 * the bare {@link ReentrantLock}, uncontended and with two threads.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar RLockBenchmark -f 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RLockBenchmark {
    private final RLock weft = new RLock();
    private final ReentrantLock raw = new ReentrantLock();
    private long counter;

    /** Creates the benchmark state; JMH does this. */
    public RLockBenchmark() {
    }

    /** weft RLock, one thread. @throws InterruptedException never in practice */
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

    /** ReentrantLock.lockInterruptibly, one thread (the same interruptible acquire). @throws InterruptedException never */
    @Benchmark
    @Threads(1)
    public long rawUncontended() throws InterruptedException {
        raw.lockInterruptibly();
        try {
            return ++counter;
        } finally {
            raw.unlock();
        }
    }

    /** weft RLock, two threads. @throws InterruptedException never in practice */
    @Benchmark
    @Threads(2)
    public long weftContended() throws InterruptedException {
        return weftUncontended();
    }

    /** ReentrantLock, two threads. @throws InterruptedException never in practice */
    @Benchmark
    @Threads(2)
    public long rawContended() throws InterruptedException {
        return rawUncontended();
    }
}
