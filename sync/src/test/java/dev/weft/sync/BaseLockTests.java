package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.BaseLockTests} (cases 1–8 of cpython-sync-cases.md), run by
 * {@link LockTest}, {@link RLockTest} and {@link ConditionAsRLockTest}.
 *
 * <p>Not applicable in Java: case 8 a–c ({@code acquire(blocking=False, timeout=1)} and a timeout
 * of -100 raise {@code ValueError}, a huge one {@code OverflowError}). weft takes one
 * {@link Duration}: zero or negative means "do not wait" and a huge one saturates to "forever",
 * which {@link #test_timeout_zero_negative_and_huge()} checks instead.
 */
abstract class BaseLockTests {
    static final Duration LONG = Duration.ofSeconds(30);
    static final Duration SHORT = Duration.ofMillis(100);

    /** The operations every lock of the family has. */
    interface LockLike {
        void acquire() throws InterruptedException;

        boolean acquire(Duration timeout) throws InterruptedException;

        boolean tryAcquire();

        void release();

        Guard hold() throws InterruptedException;
    }

    abstract LockLike newLock();

    /** Another thread runs {@code body} and this one waits for it. */
    static <T> T inOtherThread(java.util.concurrent.Callable<T> body) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        try (Bunch b = Bunch.start(1, () -> result.set(body.call()))) {
            b.awaitFinished();
        }
        return result.get();
    }

    @Test
    void test_constructor() throws Exception {
        LockLike lock = newLock();
        assertTrue(inOtherThread(() -> {
            boolean got = lock.tryAcquire();
            lock.release();
            return got;
        }), "a new lock is unlocked");
    }

    @Test
    void test_repr() throws Exception {
        LockLike lock = newLock();
        assertTrue(lock.toString().contains("<unlocked"), lock::toString);
        assertTrue(lock.toString().contains(" object"), lock::toString);
    }

    @Test
    void test_locked_repr() throws Exception {
        LockLike lock = newLock();
        lock.acquire();
        assertTrue(lock.toString().contains("<locked"), lock::toString);
        lock.release();
        assertTrue(lock.toString().contains("<unlocked"), lock::toString);
    }

    @Test
    void test_acquire_release() throws Exception {
        LockLike lock = newLock();
        lock.acquire();
        lock.release();
        assertTrue(lock.tryAcquire());
        lock.release();
    }

    @Test
    void test_try_acquire() {
        LockLike lock = newLock();
        assertTrue(lock.tryAcquire());
        lock.release();
    }

    @Test
    void test_try_acquire_contended() throws Exception {
        LockLike lock = newLock();
        lock.acquire();
        assertFalse(inOtherThread(lock::tryAcquire));
        lock.release();
    }

    @Test
    void test_acquire_contended() throws Exception {
        LockLike lock = newLock();
        lock.acquire();
        try (Bunch b = Bunch.start(5, () -> {
            lock.acquire();
            lock.release();
        })) {
            b.awaitBlocked();
            assertEquals(0, b.finished(), "no thread may pass a held lock");
            lock.release();
            b.awaitFinished();
            assertEquals(5, b.finished());
        }
    }

    @Test
    void test_with() throws Exception {
        LockLike lock = newLock();
        try (Guard g = lock.hold()) {
            assertFalse(inOtherThread(lock::tryAcquire), "held inside the block");
        }
        assertTrue(inOtherThread(() -> {
            boolean got = lock.tryAcquire();
            lock.release();
            return got;
        }), "released after the block");

        IllegalArgumentException thrown = new IllegalArgumentException("TypeError");
        IllegalArgumentException caught = assertThrows(IllegalArgumentException.class, () -> {
            try (Guard g = lock.hold()) {
                throw thrown;
            }
        });
        assertSame(thrown, caught, "the exception propagates unchanged");
        assertTrue(inOtherThread(() -> {
            boolean got = lock.tryAcquire();
            lock.release();
            return got;
        }), "released after a block that threw");
    }

    @Test
    void test_timeout() throws Exception {
        LockLike lock = newLock();
        long t0 = Timing.start();
        assertTrue(lock.acquire(LONG), "a free lock is taken at once");
        Timing.assertDidNotWait(t0, LONG);
        AtomicBoolean result = new AtomicBoolean(true);
        try (Bunch b = Bunch.start(1, () -> {
            long t1 = Timing.start();
            result.set(lock.acquire(SHORT));
            Timing.assertWaitedAtLeast(t1, SHORT);
        })) {
            b.awaitFinished();
        }
        assertFalse(result.get(), "timed out while another thread held it");
        lock.release();
    }

    @Test
    void test_timeout_zero_negative_and_huge() throws Exception {
        LockLike lock = newLock();
        lock.acquire();
        assertFalse(inOtherThread(() -> lock.acquire(Duration.ZERO)), "zero: do not wait");
        assertFalse(inOtherThread(() -> lock.acquire(Duration.ofSeconds(-100))), "negative: do not wait");
        lock.release();
        assertTrue(lock.acquire(Duration.ofSeconds(Long.MAX_VALUE)), "a huge timeout is 'forever', not an error");
        lock.release();
        assertTrue(lock.acquire(Duration.ofSeconds(-1)), "negative on a free lock takes it");
        lock.release();
    }

    @Test
    void acquire_null_timeout_throws_npe_and_lock_still_works() throws Exception {
        LockLike lock = newLock();
        NullPointerException e = assertThrows(NullPointerException.class, () -> lock.acquire(null));
        assertEquals("timeout", e.getMessage());
        assertTrue(lock.tryAcquire(), "the failed call took nothing");
        lock.release();
    }

    @Test
    void interrupted_acquire_throws_and_takes_nothing() throws Exception {
        LockLike lock = newLock();
        lock.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Bunch b = Bunch.start(1, () -> {
            try {
                lock.acquire();
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        })) {
            b.awaitBlocked();
            b.interruptAll();
            b.awaitFinished();
        }
        assertTrue(thrown.get() instanceof InterruptedException);
        lock.release();
        assertTrue(inOtherThread(() -> {
            boolean got = lock.tryAcquire();
            lock.release();
            return got;
        }), "the interrupted waiter left no hold behind");
    }

    @Test
    void guard_closed_twice_releases_once() throws Exception {
        LockLike lock = newLock();
        Guard g = lock.hold();
        g.close();
        g.close();
        assertTrue(lock.tryAcquire(), "free after the first close");
        assertFalse(inOtherThread(lock::tryAcquire), "the second close did not release our new hold");
        lock.release();
    }
}
