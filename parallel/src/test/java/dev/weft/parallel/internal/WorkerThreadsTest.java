package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link WorkerThreads}: a thread is a pool's worker only when marked so, for that pool. */
class WorkerThreadsTest {

    @Test
    void aThreadOfAPoolIsItsWorkerAndNoOtherPools() throws InterruptedException {
        Object pool = new Object();
        Object other = new Object();
        AtomicBoolean ofPool = new AtomicBoolean();
        AtomicBoolean ofOther = new AtomicBoolean(true);
        Thread thread = WorkerThreads.newThread(pool, "worker-threads-test", () -> {
            ofPool.set(WorkerThreads.isWorkerOf(pool));
            ofOther.set(WorkerThreads.isWorkerOf(other));
        });
        assertFalse(WorkerThreads.isWorkerOf(pool), "not before it runs, nor on the caller");
        thread.start();
        assertTrue(thread.join(Duration.ofSeconds(30)), "the thread ends within 30 s");
        assertTrue(ofPool.get());
        assertFalse(ofOther.get());
        assertFalse(WorkerThreads.isWorkerOf(null));
    }

    @Test
    void enterAndLeaveNestAndRestore() {
        Object outer = new Object();
        Object inner = new Object();
        assertNull(WorkerThreads.enter(outer));
        try {
            Object before = WorkerThreads.enter(inner);
            assertSame(outer, before);
            assertTrue(WorkerThreads.isWorkerOf(inner));
            WorkerThreads.leave(before);
            assertTrue(WorkerThreads.isWorkerOf(outer));
        } finally {
            WorkerThreads.leave(null);
        }
        assertNull(WorkerThreads.owner());
        assertThrows(NullPointerException.class, () -> WorkerThreads.enter(null));
    }
}
