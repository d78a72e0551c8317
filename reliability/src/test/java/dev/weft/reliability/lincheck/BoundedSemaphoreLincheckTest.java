package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.BoundedSemaphore;
import java.time.Duration;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: {@link BoundedSemaphore} (initial value 2) is linearizable, including a release past
 * its bound, which throws {@link IllegalStateException} and leaves the value unchanged: the
 * exception is part of the result, so the sequential run must throw at the same point.
 */
@Param(name = "n", gen = IntGen.class, conf = "1:2")
public class BoundedSemaphoreLincheckTest {
    private final BoundedSemaphore semaphore = new BoundedSemaphore(2);

    /** Lincheck creates one per invocation. */
    public BoundedSemaphoreLincheckTest() {
    }

    @Operation
    public boolean tryAcquire() {
        return semaphore.tryAcquire();
    }

    @Operation
    public boolean acquireZero() throws InterruptedException {
        return semaphore.acquire(Duration.ZERO);
    }

    @Operation
    public void release() {
        semaphore.release();
    }

    @Operation
    public void releaseN(@Param(name = "n") int n) {
        semaphore.release(n);
    }

    @Operation
    public int value() {
        return semaphore.value();
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
