package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Lock} as a {@link java.util.concurrent.locks.Lock} ({@link JdkLockContractTests}), plus
 * what it keeps of Python's {@code Lock} under the JDK names: not reentrant, unlocked by any
 * thread, and {@code unlock()} of an unlocked lock throws {@link IllegalMonitorStateException}
 * where {@code release()} throws {@link IllegalStateException}.
 */
class LockJdkTest extends JdkLockContractTests {
    @Override
    java.util.concurrent.locks.Lock newLock() {
        return new Lock();
    }

    @Test
    void unlock_of_an_unlocked_lock_throws_imse_and_release_ise() throws Exception {
        Lock lock = new Lock();
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, lock::unlock);
        assertTrue(e.getMessage().contains("unlocked"), e::getMessage);
        assertThrows(IllegalStateException.class, lock::release, "release() keeps Python's error");
        assertFalse(lock.isLocked(), "the failed calls changed nothing");
        lock.lock();
        lock.unlock();
        assertThrows(IllegalMonitorStateException.class, lock::unlock, "and again after a balanced pair");
        assertTrue(lock.tryLock(), "still usable");
        lock.release();
    }

    @Test
    void any_thread_may_unlock() throws Exception {
        Lock lock = new Lock();
        lock.lock();
        try (Bunch b = Bunch.start(1, lock::unlock)) {
            b.awaitFinished();
        }
        assertFalse(lock.isLocked());
    }

    @Test
    void lock_is_not_reentrant_and_hands_off_between_threads() throws Exception {
        Lock lock = new Lock();
        try (Bunch b = Bunch.start(1, () -> {
            lock.lock();
            lock.lock();   // blocks until the main thread unlocks
        })) {
            awaitParkedOnLock(b.threads().get(0));
            assertTrue(lock.isLocked());
            assertEquals(0, b.finished(), "the second lock() waits");
            lock.unlock();
        }
        assertTrue(lock.isLocked(), "the second lock() took it");
        assertFalse(lock.tryLock(0, TimeUnit.SECONDS), "not reentrant, even for tryLock");
        lock.unlock();
    }

    @Test
    void jdk_and_python_names_share_one_state() throws Exception {
        Lock lock = new Lock();
        lock.lock();
        assertTrue(lock.isLocked());
        assertFalse(lock.tryAcquire());
        lock.release();
        lock.acquire();
        assertFalse(lock.tryLock());
        lock.unlock();
        try (Guard g = lock.hold()) {
            assertFalse(lock.tryLock(0, TimeUnit.SECONDS));
        }
        assertFalse(lock.isLocked());
        Condition cond = lock.newCondition();   // the weft type, without a cast
        try (Guard g = cond.hold()) {
            assertTrue(lock.isLocked(), "the condition's lock is this lock");
        }
    }
}
