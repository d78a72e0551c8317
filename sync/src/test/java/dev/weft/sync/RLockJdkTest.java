package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link RLock} as a {@link java.util.concurrent.locks.Lock} ({@link JdkLockContractTests}), plus
 * reentrancy under the JDK names: each {@code lock()} is one hold, {@code unlock()} by a non-owner
 * throws {@link IllegalMonitorStateException}, and every wait of {@code newCondition()} gives back
 * the whole hold count.
 */
class RLockJdkTest extends JdkLockContractTests {
    @Override
    java.util.concurrent.locks.Lock newLock() {
        return new RLock();
    }

    @Test
    void every_jdk_acquisition_is_one_hold() throws Exception {
        RLock lock = new RLock();
        lock.lock();
        lock.lockInterruptibly();
        assertTrue(lock.tryLock());
        assertTrue(lock.tryLock(0, TimeUnit.SECONDS), "reentrant even without waiting");
        lock.acquire();
        assertEquals(5, lock.holdCount());
        assertTrue(lock.toString().contains("count=5"), lock::toString);
        lock.unlock();
        lock.release();
        assertEquals(3, lock.holdCount());
        lock.unlock();
        lock.unlock();
        lock.unlock();
        assertFalse(lock.isLocked());
        assertThrows(IllegalMonitorStateException.class, lock::unlock, "one unlock too many");
    }

    @Test
    void unlock_by_a_thread_that_does_not_hold_it_throws_imse() throws Exception {
        RLock lock = new RLock();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (Bunch b = Bunch.start(1, () -> {
            lock.lock();
            taken.countDown();
            assertTrue(done.await(LONG_S, TimeUnit.SECONDS), "the main thread never finished");
            lock.unlock();
        })) {
            assertTrue(taken.await(LONG_S, TimeUnit.SECONDS), "the other thread never took the lock");
            assertThrows(IllegalMonitorStateException.class, lock::unlock);
            assertTrue(lock.isLocked(), "the failed unlock changed nothing");
            done.countDown();
        }
        assertFalse(lock.isLocked());
    }

    @Test
    void condition_waits_restore_the_hold_count() throws Exception {
        RLock lock = new RLock();
        Condition cond = lock.newCondition();   // the weft type, without a cast
        lock.lock();
        lock.lock();
        lock.lock();
        try {
            assertFalse(cond.await(1, TimeUnit.MILLISECONDS));
            assertEquals(3, lock.holdCount(), "after a timed-out await");
            assertTrue(cond.awaitNanos(1) <= 0);
            assertEquals(3, lock.holdCount(), "after awaitNanos");
            assertFalse(cond.awaitUntil(new Date(0)));
            assertEquals(3, lock.holdCount(), "after awaitUntil");
        } finally {
            lock.unlock();
            lock.unlock();
            lock.unlock();
        }
        assertFalse(lock.isLocked());
    }

    @Test
    void a_waiter_lets_go_of_every_hold_and_gets_them_back() throws Exception {
        RLock lock = new RLock();
        Condition cond = lock.newCondition();
        AtomicInteger holdsAfter = new AtomicInteger();
        try (Bunch b = Bunch.start(1, () -> {
            lock.lock();
            lock.lock();
            try {
                cond.awaitUninterruptibly();
                holdsAfter.set(lock.holdCount());
            } finally {
                lock.unlock();
                lock.unlock();
            }
        })) {
            awaitWaiters(cond, 1);
            assertTrue(lock.tryLock(LONG_S, TimeUnit.SECONDS), "both holds were let go");
            cond.signal();
            lock.unlock();
        }
        assertEquals(2, holdsAfter.get());
        assertFalse(lock.isLocked());
    }
}
