package dev.weft.benchmarks.sync;

import dev.weft.sync.Channel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Handoff from one thread to another, per element: weft's rendezvous channel next to
 * {@link SynchronousQueue} and {@link LinkedTransferQueue#transfer}, and a channel buffered to 16
 * next to an {@link ArrayBlockingQueue} of 16. The benchmark thread sends {@value #BATCH} elements
 * per invocation; a consumer thread, started once per trial, receives for ever (until the trial's
 * tear-down closes the channel or interrupts it). {@code kind} picks the pair.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ChannelBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChannelBenchmark {
    static final int BATCH = 1_000;

    /** Which channel or queue carries the elements. */
    @Param({"weft-rendezvous", "SynchronousQueue", "LinkedTransferQueue.transfer",
            "weft-buffered-16", "ArrayBlockingQueue-16"})
    public String kind;

    private Channel<Integer> channel;
    private BlockingQueue<Integer> queue;
    private Thread consumer;
    /** What the consumer summed, written when it ends, so that nothing is optimised away. */
    public volatile long sink;

    /** Creates the benchmark state; JMH does this. */
    public ChannelBenchmark() {
    }

    /** Makes the channel or queue and starts its consumer. */
    @Setup
    public void setUp() {
        switch (kind) {
            case "weft-rendezvous" -> channel = Channel.rendezvous();
            case "weft-buffered-16" -> channel = Channel.buffered(16);
            case "SynchronousQueue" -> queue = new SynchronousQueue<>();
            case "LinkedTransferQueue.transfer" -> queue = new LinkedTransferQueue<>();
            case "ArrayBlockingQueue-16" -> queue = new ArrayBlockingQueue<>(16);
            default -> throw new IllegalArgumentException(kind);
        }
        Runnable body = channel != null ? this::receiveChannel : this::takeQueue;
        consumer = Thread.ofPlatform().daemon().name("consumer").start(body);
    }

    private void receiveChannel() {
        long sum = 0;
        for (int x : channel) {
            sum += x;
        }
        sink = sum;
    }

    private void takeQueue() {
        long sum = 0;
        try {
            while (true) {
                sum += queue.take();
            }
        } catch (InterruptedException e) {
            sink = sum;
        }
    }

    /** Stops the consumer. @throws InterruptedException if interrupted */
    @TearDown
    public void tearDown() throws InterruptedException {
        if (channel != null) {
            channel.close();
        } else {
            consumer.interrupt();
        }
        consumer.join();
    }

    /**
     * Sends a batch of elements.
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void handoff() throws InterruptedException {
        if (channel != null) {
            for (int i = 0; i < BATCH; i++) {
                channel.send(i);
            }
        } else if (queue instanceof LinkedTransferQueue<Integer> ltq) {
            for (int i = 0; i < BATCH; i++) {
                ltq.transfer(i);
            }
        } else {
            for (int i = 0; i < BATCH; i++) {
                queue.put(i);
            }
        }
    }
}
