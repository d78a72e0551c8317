package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code dev.weft.LockWait} events of weft's blocking primitives, read back from a recording. */
class LockWaitEventTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    interface Blocking {
        void run() throws InterruptedException;
    }

    /**
     * Runs {@code waiter} on a thread of its own while a recording of {@code dev.weft.LockWait}
     * (threshold zero) runs; once that thread is parked, {@code release} lets it go.
     */
    private List<RecordedEvent> recordWait(Blocking waiter, Runnable release) throws Exception {
        Path file = dir.resolve("waits.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.weft.LockWait").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            Thread thread = new Thread(() -> {
                try {
                    waiter.run();
                } catch (InterruptedException e) {
                    throw new AssertionError("interrupted", e);
                }
            }, "lock-waiter");
            thread.start();
            await().atMost(PATIENCE).until(() -> LockSupport.getBlocker(thread) != null);
            release.run();
            thread.join(PATIENCE.toMillis());
            assertFalse(thread.isAlive(), "the waiter has ended");
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.weft.LockWait"))
                .filter(e -> e.getThread().getJavaName().equals("lock-waiter"))
                .toList();
    }

    private static void assertWait(List<RecordedEvent> waits, String primitive, String operation, Object which) {
        assertEquals(1, waits.size(), "one wait: " + waits);
        RecordedEvent wait = waits.get(0);
        assertEquals(primitive, wait.getString("primitive"));
        assertEquals(operation, wait.getString("operation"));
        assertTrue(wait.getString("name").equals(which.getClass().getName() + " object at 0x"
                + Integer.toHexString(System.identityHashCode(which))), wait.getString("name"));
        assertTrue(wait.getStackTrace() != null && !wait.getStackTrace().getFrames().isEmpty(), "with its stack");
    }

    @Test
    void aContendedLockAcquire() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        List<RecordedEvent> waits = recordWait(() -> {
            lock.acquire();
            lock.release();
        }, lock::release);
        assertWait(waits, "Lock", "acquire", lock);
    }

    @Test
    void aContendedRLockAcquire() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        List<RecordedEvent> waits = recordWait(() -> {
            lock.acquire();
            lock.release();
        }, lock::release);
        assertWait(waits, "RLock", "acquire", lock);
    }

    @Test
    void aSemaphoreWithoutPermits() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        assertWait(recordWait(semaphore::acquire, semaphore::release), "Semaphore", "acquire", semaphore);
    }

    @Test
    void aConditionAwait() throws Exception {
        Condition condition = new Condition();
        List<RecordedEvent> waits = recordWait(() -> {
            condition.acquire();
            try {
                condition.await();
            } finally {
                condition.release();
            }
        }, () -> {
            try {
                condition.acquire();
                condition.signal();
                condition.release();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        // the await, and maybe the re-acquire of the lock after the signal
        assertTrue(waits.stream().anyMatch(w -> w.getString("primitive").equals("Condition")), waits.toString());
        assertWait(waits.stream().filter(w -> w.getString("primitive").equals("Condition")).toList(),
                "Condition", "await", condition);
    }

    @Test
    void aQueueGetOnAnEmptyQueue() throws Exception {
        JoinableQueue<String> queue = JoinableQueue.fifo();
        List<RecordedEvent> waits = recordWait(queue::get, () -> {
            try {
                queue.put("item");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertWait(waits, "JoinableQueue", "get", queue);
    }

    @Test
    void anUncontendedAcquireIsNoWait() throws Exception {
        Lock lock = new Lock();
        Path file = dir.resolve("none.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.weft.LockWait").withThreshold(Duration.ZERO);
            recording.start();
            lock.acquire();
            lock.release();
            recording.stop();
            recording.dump(file);
        }
        assertEquals(List.of(), RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.weft.LockWait")).toList());
    }
}
