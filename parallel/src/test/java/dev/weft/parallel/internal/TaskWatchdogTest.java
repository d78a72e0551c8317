package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.ThreadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link TaskWatchdog}: it asks what it watches, again and again, with the limit, and stops. */
class TaskWatchdogTest {
    private static final String NAME = "watchdog-test-dog";

    @Test
    void theCheckPeriodIsAQuarterOfTheTimeoutWithinBounds() {
        assertEquals(5_000_000L, TaskWatchdog.periodNanos(1_000_000L));
        assertEquals(25_000_000L, TaskWatchdog.periodNanos(100_000_000L));
        assertEquals(250_000_000L, TaskWatchdog.periodNanos(Duration.ofMinutes(5).toNanos()));
    }

    @Test
    void everyWatchedWorkerIsCheckedRepeatedlyWithTheLimit() throws InterruptedException {
        CountDownLatch checks = new CountDownLatch(6);
        AtomicLong limitSeen = new AtomicLong();
        AtomicBoolean onOwnThread = new AtomicBoolean(true);
        Object pool = new Object();
        TaskWatchdog.Watched worker = (now, limit) -> {
            limitSeen.set(limit);
            onOwnThread.compareAndSet(true, WorkerThreads.isWorkerOf(pool));
            checks.countDown();
        };
        TaskWatchdog dog = TaskWatchdog.start(pool, NAME, Duration.ofMillis(20), () -> List.of(worker, worker));
        try {
            assertTrue(checks.await(30, TimeUnit.SECONDS), "6 checks within 30 s");
        } finally {
            dog.stop();
        }
        assertEquals(Duration.ofMillis(20).toNanos(), limitSeen.get());
        assertTrue(onOwnThread.get(), "the watchdog's thread is marked as the pool's");
    }

    @Test
    void stopEndsTheThreadAndTheChecks() throws InterruptedException {
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        TaskWatchdog dog = TaskWatchdog.start(new Object(), NAME, Duration.ofMillis(20), () -> List.of((now, limit) -> {
            checks.incrementAndGet();
            first.countDown();
        }));
        assertTrue(first.await(30, TimeUnit.SECONDS), "a first check within 30 s");
        dog.stop();
        int afterStop = checks.get();
        assertFalse(ThreadKind.liveThreads().stream().anyMatch(t -> t.getName().equals(NAME) && t.isAlive()),
                "the watchdog's thread has ended");
        assertEquals(afterStop, checks.get(), "no check after stop()");
        dog.stop(); // again: nothing happens
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TaskWatchdog.start(new Object(), NAME, Duration.ZERO, List::of));
        assertThrows(IllegalArgumentException.class,
                () -> TaskWatchdog.start(new Object(), NAME, Duration.ofSeconds(-1), List::of));
        assertThrows(NullPointerException.class, () -> TaskWatchdog.start(new Object(), NAME, Duration.ofSeconds(1), null));
    }
}
