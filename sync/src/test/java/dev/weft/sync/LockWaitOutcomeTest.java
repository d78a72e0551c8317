package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code dev.weft.LockWait} events of the timed waits, and of waits that end by a timeout or
 * an interrupt: each says how it ended in its {@code outcome}.
 */
class LockWaitOutcomeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A wait that must time out; the test does not depend on how long it takes. */
    private static final Duration SHORT = Duration.ofMillis(50);

    @TempDir
    Path dir;

    interface Waiter {
        Object run() throws InterruptedException;
    }

    /** What the waiter returned, or the InterruptedException it threw. */
    private final AtomicReference<Object> result = new AtomicReference<>();

    /**
     * Runs {@code waiter} on a thread of its own under a recording of {@code dev.weft.LockWait}
     * with {@code threshold}; once that thread is parked, {@code release} gets it (to let it go
     * or interrupt it). With a null {@code release}, the waiter ends by itself.
     */
    private List<RecordedEvent> record(Duration threshold, Waiter waiter, Consumer<Thread> release) throws Exception {
        Path file = dir.resolve("outcomes.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.weft.LockWait").withThreshold(threshold);
            recording.start();
            Thread thread = new Thread(() -> {
                try {
                    result.set(waiter.run());
                } catch (InterruptedException e) {
                    result.set(e);
                }
            }, "timed-waiter");
            thread.start();
            if (release != null) {
                await().atMost(PATIENCE).until(() -> LockSupport.getBlocker(thread) != null);
                release.accept(thread);
            }
            thread.join(PATIENCE.toMillis());
            assertFalse(thread.isAlive(), "the waiter has ended");
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.weft.LockWait"))
                .filter(e -> e.getThread().getJavaName().equals("timed-waiter"))
                .toList();
    }

    private List<RecordedEvent> record(Waiter waiter, Consumer<Thread> release) throws Exception {
        return record(Duration.ZERO, waiter, release);
    }

    private static void assertOutcome(List<RecordedEvent> waits, String primitive, String operation, String outcome) {
        List<RecordedEvent> mine = waits.stream().filter(w -> w.getString("primitive").equals(primitive)).toList();
        assertEquals(1, mine.size(), "one wait: " + waits);
        assertEquals(operation, mine.get(0).getString("operation"));
        assertEquals(outcome, mine.get(0).getString("outcome"));
    }

    private static Consumer<Thread> run(Runnable release) {
        return thread -> release.run();
    }

    // ---- Lock --------------------------------------------------------------------------------

    @Test
    void aTimedLockAcquireThatGetsTheLock() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        List<RecordedEvent> waits = record(() -> {
            boolean got = lock.acquire(PATIENCE);
            lock.release();
            return got;
        }, run(lock::release));
        assertEquals(true, result.get());
        assertOutcome(waits, "Lock", "acquire", "acquired");
    }

    @Test
    void theJdkLockMethodsRecordTheirWaitsToo() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        List<RecordedEvent> waits = record(() -> {
            lock.lock();
            lock.unlock();
            return true;
        }, run(lock::release));
        assertOutcome(waits, "Lock", "lock", "acquired");

        lock.acquire();
        waits = record(() -> {
            lock.lockInterruptibly();
            lock.unlock();
            return true;
        }, Thread::interrupt);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertOutcome(waits, "Lock", "lockInterruptibly", "interrupted");
        lock.release();

        RLock rlock = new RLock();
        rlock.acquire();
        waits = record(() -> {
            rlock.lock();
            rlock.unlock();
            return true;
        }, run(rlock::release));
        assertOutcome(waits, "RLock", "lock", "acquired");
        assertTrue(lock.tryLock() && rlock.tryLock(), "both still work");
        lock.unlock();
        rlock.unlock();
    }

    @Test
    void aTimedLockAcquireThatTimesOut() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        List<RecordedEvent> waits = record(() -> lock.acquire(SHORT), null);
        assertEquals(false, result.get());
        assertOutcome(waits, "Lock", "acquire", "timed out");
        lock.release();
        assertTrue(lock.acquire(Duration.ZERO), "the lock still works");
    }

    @Test
    void aTryLockThatIsInterrupted() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        List<RecordedEvent> waits = record(() -> lock.tryLock(30, TimeUnit.SECONDS), Thread::interrupt);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertOutcome(waits, "Lock", "acquire", "interrupted");
        assertTrue(lock.isLocked(), "still held by the test, not by the interrupted waiter");
    }

    @Test
    void anUntimedLockAcquireThatIsInterrupted() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        List<RecordedEvent> waits = record(() -> {
            lock.acquire();
            return true;
        }, Thread::interrupt);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertOutcome(waits, "Lock", "acquire", "interrupted");
    }

    @Test
    void aTryLockWithAnInterruptPendingThrowsAndIsNoWait() throws Exception {
        Lock lock = new Lock();
        List<RecordedEvent> waits = record(() -> {
            Thread.currentThread().interrupt();
            return lock.tryLock(1, TimeUnit.SECONDS);
        }, null);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertEquals(List.of(), waits);
        assertFalse(lock.isLocked());
    }

    @Test
    void aTimedOutWaitShorterThanTheThresholdIsNotRecorded() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        List<RecordedEvent> waits = record(Duration.ofHours(1), () -> lock.acquire(SHORT), null);
        assertEquals(false, result.get());
        assertEquals(List.of(), waits);
    }

    // ---- RLock -------------------------------------------------------------------------------

    @Test
    void aTimedRLockAcquireThatTimesOut() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        List<RecordedEvent> waits = record(() -> lock.acquire(SHORT), null);
        assertEquals(false, result.get());
        assertOutcome(waits, "RLock", "acquire", "timed out");
        lock.release();
    }

    @Test
    void anRLockTryLockThatGetsTheLock() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        List<RecordedEvent> waits = record(() -> {
            boolean got = lock.tryLock(30, TimeUnit.SECONDS);
            lock.release();
            return got;
        }, run(lock::release));
        assertEquals(true, result.get());
        assertOutcome(waits, "RLock", "acquire", "acquired");
    }

    @Test
    void aTimedRLockAcquireThatIsInterrupted() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        List<RecordedEvent> waits = record(() -> lock.acquire(PATIENCE), Thread::interrupt);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertOutcome(waits, "RLock", "acquire", "interrupted");
        assertEquals(1, lock.holdCount(), "the test's own hold is untouched");
        lock.release();
    }

    // ---- Semaphore ---------------------------------------------------------------------------

    @Test
    void aTimedSemaphoreAcquireInEachOutcome() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        assertOutcome(record(() -> semaphore.acquire(PATIENCE), run(semaphore::release)),
                "Semaphore", "acquire", "acquired");
        assertEquals(true, result.get());
        assertOutcome(record(() -> semaphore.acquire(SHORT), null), "Semaphore", "acquire", "timed out");
        assertEquals(false, result.get());
        assertOutcome(record(() -> semaphore.acquire(PATIENCE), Thread::interrupt), "Semaphore", "acquire",
                "interrupted");
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        semaphore.release();
        assertTrue(semaphore.acquire(Duration.ZERO), "the semaphore still works");
    }

    @Test
    void anUntimedSemaphoreAcquireThatIsInterrupted() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        List<RecordedEvent> waits = record(() -> {
            semaphore.acquire();
            return true;
        }, Thread::interrupt);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertOutcome(waits, "Semaphore", "acquire", "interrupted");
    }

    // ---- Condition ---------------------------------------------------------------------------

    private static Object awaitHeld(Condition condition, Duration timeout) throws InterruptedException {
        condition.acquire();
        try {
            return condition.await(timeout);
        } finally {
            condition.release();
        }
    }

    @Test
    void aTimedConditionWaitThatTimesOut() throws Exception {
        Condition condition = new Condition();
        List<RecordedEvent> waits = record(() -> awaitHeld(condition, SHORT), null);
        assertEquals(false, result.get());
        assertOutcome(waits, "Condition", "await", "timed out");
    }

    @Test
    void aTimedConditionWaitThatIsSignalled() throws Exception {
        Condition condition = new Condition();
        List<RecordedEvent> waits = record(() -> awaitHeld(condition, PATIENCE), run(() -> {
            try {
                condition.acquire();
                condition.signal();
                condition.release();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }));
        assertEquals(true, result.get());
        assertOutcome(waits, "Condition", "await", "acquired");
    }

    @Test
    void aConditionWaitThatIsInterrupted() throws Exception {
        Condition condition = new Condition();
        List<RecordedEvent> waits = record(() -> awaitHeld(condition, PATIENCE), Thread::interrupt);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertOutcome(waits, "Condition", "await", "interrupted");
    }

    // ---- JoinableQueue -----------------------------------------------------------------------

    @Test
    void aTimedPutOnAFullQueueThatTimesOut() throws Exception {
        JoinableQueue<String> queue = JoinableQueue.fifo(1);
        queue.put("first");
        List<RecordedEvent> waits = record(() -> queue.put("second", SHORT), null);
        assertEquals(false, result.get());
        assertOutcome(waits, "JoinableQueue", "put", "timed out");
        assertEquals(1, queue.size(), "the second item was not added");
    }

    @Test
    void aTimedGetThatGetsAnItem() throws Exception {
        JoinableQueue<String> queue = JoinableQueue.fifo();
        List<RecordedEvent> waits = record(() -> queue.get(PATIENCE), run(() -> {
            try {
                queue.put("item");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }));
        assertEquals(Optional.of("item"), result.get());
        assertOutcome(waits, "JoinableQueue", "get", "acquired");
    }

    @Test
    void aTimedGetThatIsInterrupted() throws Exception {
        JoinableQueue<String> queue = JoinableQueue.fifo();
        List<RecordedEvent> waits = record(() -> queue.get(PATIENCE), Thread::interrupt);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertOutcome(waits, "JoinableQueue", "get", "interrupted");
    }

    @Test
    void anUntimedGetThatIsInterrupted() throws Exception {
        JoinableQueue<String> queue = JoinableQueue.fifo();
        List<RecordedEvent> waits = record(queue::get, Thread::interrupt);
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertOutcome(waits, "JoinableQueue", "get", "interrupted");
        queue.put("after");
        assertEquals("after", queue.get(), "the queue still works");
    }
}
