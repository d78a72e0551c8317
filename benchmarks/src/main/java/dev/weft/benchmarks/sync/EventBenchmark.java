package dev.weft.benchmarks.sync;

import dev.weft.sync.Event;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * weft {@link Event#isSet()} and {@link Event#set()} (on an event already set, the common case)
 * against a {@code volatile boolean} read/write and a {@link CountDownLatch}'s
 * {@code getCount()}/{@code countDown()}, by one thread and by two.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EventBenchmark -f 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventBenchmark {
    private final Event weft = new Event();
    private final CountDownLatch latch = new CountDownLatch(1);
    private volatile boolean flag;

    /** Creates the benchmark state; JMH does this. */
    public EventBenchmark() {
    }

    /** Sets every flag once, so that set() measures the "already set" path of each. */
    @Setup
    public void setUp() {
        weft.set();
        latch.countDown();
        flag = true;
    }

    /** @return weft Event.isSet(), one thread */
    @Benchmark
    @Threads(1)
    public boolean weftIsSet() {
        return weft.isSet();
    }

    /** @return a volatile read, one thread */
    @Benchmark
    @Threads(1)
    public boolean volatileRead() {
        return flag;
    }

    /** @return CountDownLatch.getCount() == 0, one thread */
    @Benchmark
    @Threads(1)
    public boolean latchIsOpen() {
        return latch.getCount() == 0;
    }

    /** weft Event.set() on a set event, one thread. */
    @Benchmark
    @Threads(1)
    public void weftSet() {
        weft.set();
    }

    /** A volatile write, one thread. */
    @Benchmark
    @Threads(1)
    public void volatileWrite() {
        flag = true;
    }

    /** CountDownLatch.countDown() on an open latch, one thread. */
    @Benchmark
    @Threads(1)
    public void latchCountDown() {
        latch.countDown();
    }

    /** @return weft Event.isSet(), two threads */
    @Benchmark
    @Threads(2)
    public boolean weftIsSetContended() {
        return weft.isSet();
    }

    /** @return a volatile read, two threads */
    @Benchmark
    @Threads(2)
    public boolean volatileReadContended() {
        return flag;
    }

    /** weft Event.set() on a set event, two threads. */
    @Benchmark
    @Threads(2)
    public void weftSetContended() {
        weft.set();
    }

    /** CountDownLatch.countDown() on an open latch, two threads. */
    @Benchmark
    @Threads(2)
    public void latchCountDownContended() {
        latch.countDown();
    }
}
