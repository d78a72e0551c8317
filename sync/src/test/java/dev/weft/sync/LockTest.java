package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.LockTests} (cases 9–12) and, through {@link BaseLockTests},
 * cases 1–8 for {@link Lock}. CPython's {@code RuntimeError} is {@link IllegalStateException}.
 */
class LockTest extends BaseLockTests {
    static LockLike adapt(Lock lock) {
        return new LockLike() {
            @Override
            public void acquire() throws InterruptedException {
                lock.acquire();
            }

            @Override
            public boolean acquire(Duration timeout) throws InterruptedException {
                return lock.acquire(timeout);
            }

            @Override
            public boolean tryAcquire() {
                return lock.tryAcquire();
            }

            @Override
            public void release() {
                lock.release();
            }

            @Override
            public Guard hold() throws InterruptedException {
                return lock.hold();
            }

            @Override
            public String toString() {
                return lock.toString();
            }
        };
    }

    @Override
    LockLike newLock() {
        return adapt(new Lock());
    }

    @Test
    void test_reacquire() throws Exception {
        Lock lock = new Lock();
        try (Bunch b = Bunch.start(1, () -> {
            lock.acquire();
            lock.acquire();   // not reentrant: blocks until main releases
        })) {
            b.awaitBlocked();
            assertEquals(0, b.finished(), "the second acquire blocks");
            lock.release();
            b.awaitFinished();
        }
        assertTrue(lock.isLocked());
        lock.release();
    }

    @Test
    void test_different_thread() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        try (Bunch b = Bunch.start(1, lock::release)) {
            b.awaitFinished();   // no error: a Lock has no owner
        }
        assertFalse(lock.isLocked());
        lock.acquire();
        lock.release();
    }

    @Test
    void test_state_after_timeout() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        assertFalse(lock.acquire(Duration.ofMillis(10)), "the same thread times out: no self-deadlock error");
        lock.release();
        assertFalse(lock.isLocked());
        assertTrue(lock.tryAcquire(), "the timed-out wait left no stale state");
        lock.release();
    }

    @Test
    void test_releasing_unacquired_lock() throws Exception {
        Lock lock = new Lock();
        assertFalse(lock.isLocked());
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        assertTrue(e.getMessage().contains("unlocked"), e::getMessage);
        assertFalse(lock.isLocked(), "a failed release changes nothing");
        lock.acquire();
        assertTrue(lock.isLocked());
        lock.release();
        assertFalse(lock.isLocked());
        assertThrows(IllegalStateException.class, lock::release, "and again after a balanced pair");
        assertTrue(lock.tryAcquire(), "still usable");
        lock.release();
    }

    @Test
    void locked_is_false_after_another_thread_released() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        try (Bunch b = Bunch.start(1, lock::release)) {
            b.awaitFinished();
        }
        assertFalse(lock.isLocked());
    }

    @Test
    void lock_is_a_hand_off_between_threads() throws Exception {
        Lock handOff = new Lock();
        handOff.acquire();
        int[] box = new int[1];
        try (Bunch b = Bunch.start(1, () -> {
            box[0] = 42;
            handOff.release();   // signals the main thread, which holds nothing
        })) {
            handOff.acquire();
            assertEquals(42, box[0], "release happens-before the next acquire");
            handOff.release();
        }
    }
}
