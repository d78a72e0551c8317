package dev.weft.benchmarks.sync;

import dev.weft.sync.Channel;
import dev.weft.sync.Select;
import java.util.List;
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
 * {@link Select} receiving from 4 channels buffered to 16, fed round-robin by a producer thread,
 * next to a plain {@code receive} from one such channel fed the same way: the cost of waiting on
 * four sources instead of one, per element. {@code channels} = 1 measures the plain receive.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SelectBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectBenchmark {
    static final int BATCH = 1_000;

    /** How many channels: 1 (a plain receive) or 4 (a select). */
    @Param({"1", "4"})
    public int channels;

    private List<Channel<Integer>> sources;
    private List<Select.Clause<Integer>> clauses;
    private Thread producer;

    /** Creates the benchmark state; JMH does this. */
    public SelectBenchmark() {
    }

    /** Makes the channels and starts the producer, which sends until they are closed. */
    @Setup
    public void setUp() {
        sources = java.util.stream.IntStream.range(0, channels)
                .mapToObj(i -> Channel.<Integer>buffered(16)).toList();
        clauses = sources.stream().map(Channel::onReceive).toList();
        producer = Thread.ofPlatform().daemon().name("producer").start(() -> {
            try {
                for (int i = 0; ; i++) {
                    sources.get(i % channels).send(i);
                }
            } catch (InterruptedException | dev.weft.sync.ChannelClosedException e) {
                // the trial is over
            }
        });
    }

    /** Stops the producer. @throws InterruptedException if interrupted */
    @TearDown
    public void tearDown() throws InterruptedException {
        sources.forEach(Channel::close);
        producer.join();
    }

    /**
     * Receives a batch of elements.
     *
     * @return their sum
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long receive() throws InterruptedException {
        long sum = 0;
        if (channels == 1) {
            Channel<Integer> only = sources.getFirst();
            for (int i = 0; i < BATCH; i++) {
                sum += only.receive();
            }
        } else {
            for (int i = 0; i < BATCH; i++) {
                sum += Select.of(clauses);
            }
        }
        return sum;
    }
}
