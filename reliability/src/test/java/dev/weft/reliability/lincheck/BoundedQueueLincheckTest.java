package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.JoinableQueue;
import dev.weft.sync.QueueShutDownException;
import java.time.Duration;
import java.util.Optional;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: a FIFO {@link JoinableQueue} bounded to 2 items, with {@code join(ZERO)},
 * {@code taskDone} and both kinds of {@code shutdown}: after a shutdown, puts and gets of an empty
 * queue throw {@link QueueShutDownException}, taken here as a result that the sequential run must
 * reproduce at the same place.
 */
@Param(name = "item", gen = IntGen.class, conf = "1:4")
public class BoundedQueueLincheckTest {
    private final JoinableQueue<Integer> queue = JoinableQueue.fifo(2);

    /** Lincheck creates one per invocation. */
    public BoundedQueueLincheckTest() {
    }

    @Operation
    public boolean tryPut(@Param(name = "item") int item) {
        return queue.tryPut(item);
    }

    @Operation
    public boolean putZero(@Param(name = "item") int item) throws InterruptedException {
        return queue.put(item, Duration.ZERO);
    }

    @Operation
    public Optional<Integer> tryGet() {
        return queue.tryGet();
    }

    @Operation
    public int size() {
        return queue.size();
    }

    @Operation
    public boolean isFull() {
        return queue.isFull();
    }

    @Operation
    public void taskDone() {
        queue.taskDone();
    }

    @Operation
    public boolean joinZero() throws InterruptedException {
        return queue.join(Duration.ZERO);
    }

    @Operation
    public void shutdown() {
        queue.shutdown();
    }

    @Operation
    public void shutdownImmediate() {
        queue.shutdown(true);
    }

    @Test
    void stress() {
        assertTrue(Linearizability.check(getClass(), Linearizability.Mode.STRESS).operations() > 0);
    }

    @Test
    void modelChecking() {
        assertTrue(Linearizability.check(getClass(), Linearizability.Mode.MODEL_CHECKING).operations() > 0);
    }
}
