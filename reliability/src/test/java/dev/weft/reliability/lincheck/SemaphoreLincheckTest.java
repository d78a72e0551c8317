package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.Semaphore;
import java.time.Duration;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.junit.jupiter.api.Test;

/** Lincheck: {@link Semaphore} (initial value 1) is linearizable. */
@Param(name = "n", gen = IntGen.class, conf = "1:2")
public class SemaphoreLincheckTest {
    private final Semaphore semaphore = new Semaphore(1);

    /** Lincheck creates one per invocation. */
    public SemaphoreLincheckTest() {
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
