package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.RLockTests} (cases 13–21) and, through {@link BaseLockTests},
 * cases 1–8 for {@link RLock}. CPython's {@code RuntimeError} is
 * {@link IllegalMonitorStateException}; {@code _is_owned()} is {@code isHeldByCurrentThread()},
 * {@code _recursion_count()} is {@code holdCount()}, {@code _release_save} is the package-private
 * {@code releaseAll()} that {@link Condition} uses.
 */
class RLockTest extends BaseLockTests {
    static LockLike adapt(RLock lock) {
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
        return adapt(new RLock());
    }

    @Test
    void test_reacquire() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.acquire();
        lock.release();
        lock.release();
        assertFalse(lock.isLocked());
    }

    @Test
    void test_release_unacquired() throws Exception {
        RLock lock = new RLock();
        assertThrows(IllegalMonitorStateException.class, lock::release);
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.acquire();
        lock.release();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::release);
        assertTrue(lock.tryAcquire(), "still usable");
        lock.release();
    }

    @Test
    void test_release_save_unacquired() throws Exception {
        RLock lock = new RLock();
        assertThrows(IllegalMonitorStateException.class, lock::releaseAll);
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.acquire();
        lock.release();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::releaseAll);
    }

    @Test
    void test_different_thread() throws Exception {
        RLock lock = new RLock();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (Bunch b = Bunch.start(1, () -> {
            lock.acquire();
            taken.countDown();
            done.await();
            lock.release();
        })) {
            assertTrue(taken.await(LONG.toSeconds(), TimeUnit.SECONDS), "the other thread never took the lock");
            assertThrows(IllegalMonitorStateException.class, lock::release, "only the owner may release");
            assertTrue(lock.isLocked(), "the failed release changed nothing");
            done.countDown();
        }
        assertFalse(lock.isLocked());
    }

    @Test
    void test__is_owned() throws Exception {
        RLock lock = new RLock();
        assertFalse(lock.isHeldByCurrentThread());
        lock.acquire();
        assertTrue(lock.isHeldByCurrentThread());
        lock.acquire();
        assertTrue(lock.isHeldByCurrentThread());
        assertFalse(inOtherThread(lock::isHeldByCurrentThread));
        lock.release();
        assertTrue(lock.isHeldByCurrentThread());
        lock.release();
        assertFalse(lock.isHeldByCurrentThread());
    }

    @Test
    void test_recursion_count() throws Exception {
        RLock lock = new RLock();
        assertEquals(0, lock.holdCount());
        lock.acquire();
        assertEquals(1, lock.holdCount());
        lock.acquire();
        lock.acquire();
        assertEquals(3, lock.holdCount());
        lock.release();
        assertEquals(2, lock.holdCount());
        lock.release();
        lock.release();
        assertEquals(0, lock.holdCount());

        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (Bunch b = Bunch.start(1, () -> {
            lock.acquire();
            taken.countDown();
            done.await();
            lock.release();
        })) {
            assertTrue(taken.await(LONG.toSeconds(), TimeUnit.SECONDS), "the other thread never took the lock");
            assertEquals(0, lock.holdCount(), "the count is the owner's, not ours");
            done.countDown();
        }
        assertEquals(0, lock.holdCount());
    }

    @Test
    void test_locked() throws Exception {
        RLock lock = new RLock();
        assertFalse(lock.isLocked());
        lock.acquire();
        assertTrue(lock.isLocked());
        lock.acquire();
        assertTrue(lock.isLocked());
        lock.release();
        assertTrue(lock.isLocked());
        lock.release();
        assertFalse(lock.isLocked());
    }

    @Test
    void test_locked_with_2threads() throws Exception {
        RLock lock = new RLock();
        AtomicBoolean before = new AtomicBoolean(true);
        AtomicBoolean after = new AtomicBoolean(false);
        AtomicReference<Thread> owner = new AtomicReference<>();
        try (Bunch b = Bunch.start(1, () -> {
            before.set(lock.isLocked());
            lock.acquire();
            after.set(lock.isLocked());
            owner.set(Thread.currentThread());
            // exits without releasing
        })) {
            b.awaitFinished();
        }
        assertFalse(before.get());
        assertTrue(after.get());
        assertTrue(lock.isLocked(), "locked by a thread that has ended");
        assertFalse(lock.isHeldByCurrentThread());
    }

    @Test
    void test_repr_count() throws Exception {
        RLock lock = new RLock();
        assertTrue(lock.toString().contains("count=0"), lock::toString);
        assertTrue(lock.toString().startsWith("<unlocked"), lock::toString);
        lock.acquire();
        lock.acquire();
        String mine = lock.toString();
        assertTrue(mine.contains("count=2") && mine.startsWith("<locked"), mine);
        assertTrue(mine.contains("owner=" + Thread.currentThread().getName()), mine);
        String theirs = inOtherThread(lock::toString);
        assertTrue(theirs.contains("count=2") && theirs.startsWith("<locked"), "the same from another thread: " + theirs);
        lock.release();
        lock.release();
        assertTrue(lock.toString().contains("count=0"), lock::toString);
    }

    @Test
    void timed_and_try_acquire_count_holds() throws Exception {
        RLock lock = new RLock();
        assertTrue(lock.tryAcquire());
        assertTrue(lock.acquire(Duration.ZERO), "reentrant even without waiting");
        assertTrue(lock.acquire(Duration.ofSeconds(1)));
        assertEquals(3, lock.holdCount());
        try (Guard g = lock.hold()) {
            assertEquals(4, lock.holdCount());
        }
        assertEquals(3, lock.holdCount());
        lock.release();
        lock.release();
        lock.release();
        assertFalse(lock.isLocked());
    }
}
