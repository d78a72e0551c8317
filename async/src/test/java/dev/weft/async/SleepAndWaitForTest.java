package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Async#sleep} and {@link Async#waitFor}; ports CPython's {@code test_waitfor.py}
 * ({@code test_wait_for}, {@code test_wait_for_timeout_less_then_0_or_0},
 * {@code test_wait_for_with_global_loop}'s cancellation, {@code test_wait_for_raises_exception})
 * and {@code test_tasks.py}'s {@code test_sleep}, {@code test_sleep_cancel}.
 */
@Timeout(60)
class SleepAndWaitForTest {

    @Test
    void sleepSleepsAtLeastTheDelayAndReturnsTheResult() throws Exception {
        long start = System.nanoTime();
        assertEquals("done", Async.sleep(Duration.ofMillis(30), "done"));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(30).toNanos());
        assertNull(Async.sleep(Duration.ofMillis(1), null));
    }

    @Test
    void sleepOfZeroOrLessOnlyYields() throws Exception {
        Async.sleep(Duration.ZERO);
        Async.sleep(Duration.ofSeconds(-5));
        assertEquals(3, Async.sleep(Duration.ofNanos(-1), 3));
    }

    @Test
    void sleepIsAPointWhereAnInterruptIsNoticedEvenForZero() {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Async.sleep(Duration.ZERO));
        assertFalse(Thread.currentThread().isInterrupted(), "the flag is consumed by the exception");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Async.sleep(Duration.ofSeconds(30)));
    }

    @Test
    void aSleepingTaskIsCancelledByAnInterrupt() throws Exception {
        // test_sleep_cancel
        Probe probe = new Probe();
        try (var scope = TaskScope.open()) {
            CountDownLatch started = new CountDownLatch(1);
            Task<Object> task = scope.fork(() -> {
                probe.enter();
                started.countDown();
                Async.sleep(Duration.ofDays(1));
                return "woke";
            });
            Probe.await(started, "the task's start");
            task.cancel();
            assertThrows(CancellationException.class, () -> task.await(Probe.PATIENCE));
        }
        probe.assertAllDead();
    }

    @Test
    void sleepRefusesNull() {
        assertEquals("delay", assertThrows(NullPointerException.class, () -> Async.sleep(null)).getMessage());
        assertThrows(NullPointerException.class, () -> Async.sleep(null, "x"));
    }

    @Test
    void waitForReturnsTheResultOfATaskThatEndsInTime() throws Exception {
        assertEquals("fast", Async.waitFor(() -> Async.sleep(Duration.ofMillis(10), "fast"), Duration.ofSeconds(30)));
        assertNull(Async.waitFor(() -> null, Duration.ofSeconds(30)));
    }

    @Test
    void waitForCancelsOnTimeoutAndTheTaskHasEndedWhenItThrows() throws Exception {
        // On a loaded machine the timeout can pass before the task's thread has even started: the
        // task then ends cancelled without running, and the run cannot show that the cancel
        // interrupts running code. So the timeout doubles until a run catches the task running.
        for (Duration timeout = Duration.ofMillis(100); ; timeout = timeout.multipliedBy(2)) {
            Probe probe = new Probe();
            Duration limit = timeout;
            long start = System.nanoTime();
            TimeoutException thrown = assertThrows(TimeoutException.class,
                    () -> Async.waitFor(() -> probe.parkUntilInterrupted("slow", null), limit));
            assertTrue(System.nanoTime() - start >= timeout.toNanos());
            assertTrue(thrown.getMessage().contains("cancelled"), thrown.getMessage());
            if (!probe.threads.isEmpty()) {   // the task ran: it was interrupted and has ended
                assertEquals(Set.of("slow"), probe.interrupted);
                probe.assertAllDead();
                return;
            }
            assertTrue(probe.interrupted.isEmpty());
            assertTrue(timeout.compareTo(Duration.ofSeconds(5)) < 0, "the task had not started after " + timeout);
        }
    }

    @Test
    void waitForWithZeroOrNegativeTimeoutDoesNotWait() throws Exception {
        // test_wait_for_timeout_less_then_0_or_0
        for (Duration timeout : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            AtomicBoolean finished = new AtomicBoolean();
            assertThrows(TimeoutException.class, () -> Async.waitFor(() -> {
                Async.sleep(Duration.ofSeconds(30));
                finished.set(true);
                return 1;
            }, timeout));
            assertFalse(finished.get());
        }
    }

    @Test
    void waitForRethrowsATaskFailureWithTheOriginalCause() {
        // test_wait_for_raises_exception (weft wraps it, keeping the cause)
        IllegalStateException boom = new IllegalStateException("boom");
        TaskFailedException thrown = assertThrows(TaskFailedException.class, () -> Async.waitFor(() -> {
            throw boom;
        }, Duration.ofSeconds(30)));
        assertSame(boom, thrown.getCause());
    }

    @Test
    void interruptingTheCallerOfWaitForCancelsTheTask() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                Async.waitFor(() -> probe.parkUntilInterrupted("task", parked), Duration.ofDays(1));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        Probe.await(parked, "the task's start");
        caller.interrupt();
        Probe.join(caller);
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals(Set.of("task"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void waitForATaskCancelsItOnTimeoutAndWaitsForItToEnd() throws Exception {
        Probe probe = new Probe();
        try (var scope = TaskScope.open()) {
            CountDownLatch parked = new CountDownLatch(1);
            Task<Object> slow = scope.fork(() -> probe.parkUntilInterrupted("slow", parked));
            Probe.await(parked, "the task's start");
            assertThrows(TimeoutException.class, () -> Async.waitFor(slow, Duration.ofMillis(50)));
            assertTrue(slow.isDone(), "waitFor returned before the task ended");
            assertTrue(slow.isCancelled());

            Task<Integer> fast = scope.fork(() -> 5);
            assertEquals(5, Async.waitFor(fast, Duration.ofSeconds(30)));
        }
    }

    @Test
    void waitForRefusesNull() throws Exception {
        assertEquals("task", assertThrows(NullPointerException.class,
                () -> Async.waitFor((java.util.concurrent.Callable<Object>) null, Duration.ZERO)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> Async.waitFor(() -> 1, null)).getMessage());
        assertThrows(NullPointerException.class, () -> Async.waitFor((Task<Object>) null, Duration.ZERO));
        assertEquals(1, Async.waitFor(() -> 1, Duration.ofSeconds(30)));
    }
}
