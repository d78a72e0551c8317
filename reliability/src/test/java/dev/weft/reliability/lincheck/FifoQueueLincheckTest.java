package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.JoinableQueue;
import java.util.Optional;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: an unbounded FIFO {@link JoinableQueue}: {@code tryPut}, {@code tryGet}, {@code size},
 * {@code isEmpty}, and the unfinished-task count with {@code taskDone} (called once too often, it
 * throws {@link IllegalStateException}, a result the sequential run must match).
 */
@Param(name = "item", gen = IntGen.class, conf = "1:4")
public class FifoQueueLincheckTest {
    private final JoinableQueue<Integer> queue = JoinableQueue.fifo();

    /** Lincheck creates one per invocation. */
    public FifoQueueLincheckTest() {
    }

    @Operation
    public boolean tryPut(@Param(name = "item") int item) {
        return queue.tryPut(item);
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
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Operation
    public void taskDone() {
        queue.taskDone();
    }

    @Operation
    public long unfinishedTasks() {
        return queue.unfinishedTasks();
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
