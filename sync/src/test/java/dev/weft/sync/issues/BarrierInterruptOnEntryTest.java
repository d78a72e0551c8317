package dev.weft.sync.issues;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.Barrier;
import dev.weft.sync.BrokenBarrierError;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the reliability suite's interrupt storm): a thread whose interrupt flag was
 * set when it called {@link Barrier#await()} left with {@link InterruptedException} without
 * breaking the barrier, so the other parties waited forever. As {@code CyclicBarrier} does, it now
 * breaks the barrier.
 */
class BarrierInterruptOnEntryTest {

    @Test
    void aPartyInterruptedOnEntryBreaksTheBarrierForTheOthers() throws InterruptedException {
        Barrier barrier = new Barrier(2);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, barrier::await);
            assertFalse(Thread.currentThread().isInterrupted(), "the InterruptedException consumed the interrupt");
        } finally {
            Thread.interrupted(); // had await() not consumed it, the flag would break later tests on this thread
        }
        assertTrue(barrier.isBroken(), "the interrupted party must break the barrier");

        CountDownLatch otherDone = new CountDownLatch(1);
        AtomicReference<Throwable> otherOutcome = new AtomicReference<>();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                barrier.await(Duration.ofSeconds(30));
            } catch (Throwable t) {
                otherOutcome.set(t);
            } finally {
                otherDone.countDown();
            }
        });
        assertTrue(otherDone.await(20, TimeUnit.SECONDS), "the other party must not wait for the timeout");
        assertTrue(other.join(Duration.ofSeconds(20)), "the other party's thread did not end");
        assertInstanceOf(BrokenBarrierError.class, otherOutcome.get());

        barrier.reset();
        assertTrue(!barrier.isBroken(), "reset makes it usable again");
    }
}
