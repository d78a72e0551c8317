package dev.weft.async.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.async.Async;
import dev.weft.core.Task;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A detached task (from {@code Async.ensureFuture} outside any scope) cancelled just as its body
 * returned: the cancel could read the task's thread, the thread then cleared its interrupt flag
 * and began completing, and only then did the interrupt land, so the task's done callbacks ran
 * interrupted (in about one race in 2,500 here). The thread is now forgotten and its flag cleared
 * under the lock that cancel() interrupts under.
 */
@Timeout(120)
class DetachedTaskLateCancelTest {

    @Test
    void aCancelThatComesAsTheBodyReturnsNeverInterruptsTheDoneCallbacks() throws Exception {
        int rounds = 20_000 * Integer.getInteger("weft.stress.factor", 1);
        AtomicInteger interruptedCallbacks = new AtomicInteger();
        for (int i = 0; i < rounds; i++) {
            CountDownLatch go = new CountDownLatch(1);
            Task<Integer> task = Async.ensureFuture(() -> {
                go.await();
                return 1;
            });
            task.onDone(t -> {
                if (Thread.currentThread().isInterrupted()) {
                    interruptedCallbacks.incrementAndGet();
                }
            });
            go.countDown();
            task.cancel();   // races with the body's return
            try {
                task.await(Duration.ofSeconds(30));
            } catch (CancellationException cancelledInTime) {
                // the cancel reached the body, or came before it ran: both are fine here
            }
        }
        assertEquals(0, interruptedCallbacks.get(), "done callbacks that ran with the interrupt flag set, of " + rounds);
    }
}
