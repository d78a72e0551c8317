package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link java.util.concurrent.locks.Lock} and of the
 * {@link java.util.concurrent.locks.Condition} its {@code newCondition()} returns, as their JDK
 * javadoc states it, run by {@link LockJdkTest} and {@link RLockJdkTest}. Every test reaches the
 * lock through the JDK interfaces only, as code written for {@code java.util.concurrent} would.
 * Where the JDK lets an implementation choose (spurious wake-ups, what a signal at the deadline
 * returns), the tests check weft's stronger choice.
 */
abstract class JdkLockContractTests {
    static final Duration LONG = Duration.ofSeconds(30);
    static final long LONG_S = LONG.toSeconds();
    static final Duration SHORT = Duration.ofMillis(100);

    abstract java.util.concurrent.locks.Lock newLock();

    /** {@return whether another thread could take the lock now; it leaves the lock as it was} */
    static boolean freeForOthers(java.util.concurrent.locks.Lock lock) throws Exception {
        return BaseLockTests.inOtherThread(() -> {
            boolean got = lock.tryLock();
            if (got) {
                lock.unlock();
            }
            return got;
        });
    }

    /** {@return what {@code body} returned in another thread} */
    static boolean inOtherThread(java.util.concurrent.Callable<Boolean> body) throws Exception {
        return BaseLockTests.inOtherThread(body);
    }

    /** Waits until {@code t} is parked on a lock's synchronizer (not a condition, not a latch). */
    static void awaitParkedOnLock(Thread t) {
        await().atMost(LONG).until(() -> LockSupport.getBlocker(t) instanceof AbstractOwnableSynchronizer);
    }

    /** Runs {@code body} holding {@code lock}. */
    static void locked(java.util.concurrent.locks.Lock lock, Bunch.Body body) throws Exception {
        lock.lock();
        try {
            body.run();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code n} threads are queued on a weft condition. */
    static void awaitWaiters(java.util.concurrent.locks.Condition cond, int n) {
        Condition weft = (Condition) cond;
        await().atMost(LONG).until(() -> weft.waiting() == n);
    }

    // ---- Lock ----

    @Test
    void lock_and_unlock_exclude_other_threads() throws Exception {
        var lock = newLock();
        lock.lock();
        assertFalse(freeForOthers(lock), "held after lock()");
        lock.unlock();
        assertTrue(freeForOthers(lock), "free after unlock()");
    }

    @Test
    void try_lock_takes_a_free_lock_and_refuses_a_held_one() throws Exception {
        var lock = newLock();
        assertTrue(lock.tryLock());
        assertFalse(inOtherThread(lock::tryLock), "held by this thread");
        lock.unlock();
        assertTrue(freeForOthers(lock));
    }

    @Test
    void timed_try_lock_times_out_and_returns_false() throws Exception {
        var lock = newLock();
        lock.lock();
        AtomicBoolean got = new AtomicBoolean(true);
        try (Bunch b = Bunch.start(1, () -> {
            long t0 = Timing.start();
            got.set(lock.tryLock(SHORT.toMillis(), TimeUnit.MILLISECONDS));
            Timing.assertWaitedAtLeast(t0, SHORT);
        })) {
            b.awaitFinished();
        }
        assertFalse(got.get(), "timed out while another thread held it");
        lock.unlock();
        assertTrue(freeForOthers(lock), "the timed-out wait left nothing behind");
    }

    @Test
    void timed_try_lock_with_zero_or_negative_time_does_not_wait() throws Exception {
        var lock = newLock();
        assertTrue(lock.tryLock(0, TimeUnit.SECONDS), "a free lock is taken even with no time");
        long t0 = Timing.start();
        assertFalse(inOtherThread(() -> lock.tryLock(0, TimeUnit.SECONDS)));
        assertFalse(inOtherThread(() -> lock.tryLock(-5, TimeUnit.DAYS)));
        Timing.assertDidNotWait(t0, LONG);
        lock.unlock();
        assertTrue(lock.tryLock(Long.MAX_VALUE, TimeUnit.DAYS), "a huge time is 'forever', not an error");
        lock.unlock();
    }

    @Test
    void timed_try_lock_gets_the_lock_released_while_it_waits() throws Exception {
        var lock = newLock();
        lock.lock();
        AtomicBoolean got = new AtomicBoolean();
        try (Bunch b = Bunch.start(1, () -> {
            got.set(lock.tryLock(LONG_S, TimeUnit.SECONDS));
            lock.unlock();
        })) {
            awaitParkedOnLock(b.threads().get(0));
            lock.unlock();
        }
        assertTrue(got.get(), "released within the time");
        assertTrue(freeForOthers(lock));
    }

    @Test
    void timed_try_lock_interrupted_on_entry_throws_even_on_a_free_lock() throws Exception {
        var lock = newLock();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> lock.tryLock(LONG_S, TimeUnit.SECONDS));
        assertFalse(Thread.interrupted(), "the exception clears the flag");
        assertTrue(freeForOthers(lock), "nothing was taken");
    }

    @Test
    void timed_try_lock_with_null_unit_throws_npe_and_takes_nothing() throws Exception {
        var lock = newLock();
        NullPointerException e = assertThrows(NullPointerException.class, () -> lock.tryLock(1, null));
        assertEquals("unit", e.getMessage());
        assertTrue(freeForOthers(lock));
    }

    @Test
    void lock_interruptibly_throws_if_already_interrupted_even_on_a_free_lock() throws Exception {
        var lock = newLock();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, lock::lockInterruptibly);
        assertFalse(Thread.interrupted(), "the exception clears the flag");
        assertTrue(freeForOthers(lock), "nothing was taken");
        lock.lockInterruptibly();
        lock.unlock();
    }

    @Test
    void lock_interruptibly_throws_when_interrupted_while_waiting() throws Exception {
        var lock = newLock();
        lock.lock();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean(true);
        try (Bunch b = Bunch.start(1, () -> {
            try {
                lock.lockInterruptibly();
                lock.unlock();
            } catch (InterruptedException e) {
                thrown.set(e);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        })) {
            awaitParkedOnLock(b.threads().get(0));
            b.interruptAll();
        }
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertFalse(flagAfter.get(), "the exception clears the flag");
        lock.unlock();
        assertTrue(freeForOthers(lock), "the interrupted waiter took nothing");
    }

    @Test
    void lock_is_not_interruptible_and_keeps_the_flag() throws Exception {
        var lock = newLock();
        lock.lock();
        AtomicBoolean released = new AtomicBoolean();
        AtomicBoolean sawRelease = new AtomicBoolean();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (Bunch b = Bunch.start(1, () -> {
            lock.lock();
            try {
                sawRelease.set(released.get());
                flagAfter.set(Thread.interrupted());
            } finally {
                lock.unlock();
            }
        })) {
            Thread waiter = b.threads().get(0);
            awaitParkedOnLock(waiter);
            waiter.interrupt();
            assertEquals(0, b.finished(), "the interrupt did not end lock()");
            released.set(true);
            lock.unlock();
        }
        assertTrue(sawRelease.get(), "lock() returned only once the lock was released");
        assertTrue(flagAfter.get(), "the interrupt flag is still set when lock() returns");
        assertTrue(freeForOthers(lock));
    }

    // ---- Condition ----

    @Test
    void new_condition_is_a_weft_condition_over_this_lock() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        assertInstanceOf(Condition.class, cond);
        assertThrows(IllegalMonitorStateException.class, cond::signal, "needs this lock held");
        lock.lock();
        cond.signal();
        assertFalse(cond.await(0, TimeUnit.SECONDS));
        assertFalse(freeForOthers(lock), "held again after the wait");
        lock.unlock();
        assertTrue(lock.newCondition() != cond, "a new condition each time");
    }

    @Test
    void timed_await_returns_false_on_timeout_and_holds_the_lock_again() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        lock.lock();
        try {
            long t0 = Timing.start();
            assertFalse(cond.await(SHORT.toMillis(), TimeUnit.MILLISECONDS));
            Timing.assertWaitedAtLeast(t0, SHORT);
            assertFalse(freeForOthers(lock), "the lock is held again");
        } finally {
            lock.unlock();
        }
        assertTrue(freeForOthers(lock));
    }

    @Test
    void timed_await_releases_the_lock_while_it_waits() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        AtomicBoolean result = new AtomicBoolean();
        try (Bunch b = Bunch.start(1, () -> locked(lock, () -> result.set(cond.await(LONG_S, TimeUnit.SECONDS))))) {
            awaitWaiters(cond, 1);
            assertTrue(lock.tryLock(LONG_S, TimeUnit.SECONDS), "the waiter let the lock go");
            cond.signal();
            lock.unlock();
        }
        assertTrue(result.get(), "signalled within the time: true");
    }

    @Test
    void await_nanos_returns_zero_or_less_on_timeout() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        lock.lock();
        try {
            assertTrue(cond.awaitNanos(SHORT.toNanos()) <= 0);
            assertTrue(cond.awaitNanos(0) <= 0, "zero: no time");
            assertTrue(cond.awaitNanos(-1) <= 0, "negative: no time");
            assertFalse(freeForOthers(lock), "the lock is held again");
        } finally {
            lock.unlock();
        }
    }

    @Test
    void await_nanos_returns_the_time_left_when_signalled() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        AtomicLong left = new AtomicLong();
        long timeout = TimeUnit.SECONDS.toNanos(LONG_S);
        try (Bunch b = Bunch.start(1, () -> locked(lock, () -> left.set(cond.awaitNanos(timeout))))) {
            awaitWaiters(cond, 1);
            locked(lock, cond::signal);
        }
        assertTrue(left.get() > 0 && left.get() < timeout, () -> "left " + left.get());
    }

    @Test
    void await_until_a_past_date_returns_false_at_once() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        lock.lock();
        try {
            long t0 = Timing.start();
            assertFalse(cond.awaitUntil(new Date(System.currentTimeMillis() - 1_000)));
            assertFalse(cond.awaitUntil(new Date(Long.MIN_VALUE)), "the far past does not overflow");
            Timing.assertDidNotWait(t0, LONG);
            assertFalse(freeForOthers(lock), "the lock is held again");
        } finally {
            lock.unlock();
        }
    }

    @Test
    void await_until_a_date_returns_false_when_it_passes_and_true_when_signalled() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        lock.lock();
        try {
            assertFalse(cond.awaitUntil(new Date(System.currentTimeMillis() + SHORT.toMillis())));
        } finally {
            lock.unlock();
        }
        AtomicBoolean result = new AtomicBoolean();
        Date later = new Date(System.currentTimeMillis() + LONG.toMillis());
        try (Bunch b = Bunch.start(1, () -> locked(lock, () -> result.set(cond.awaitUntil(later))))) {
            awaitWaiters(cond, 1);
            locked(lock, cond::signalAll);
        }
        assertTrue(result.get());
    }

    @Test
    void await_uninterruptibly_waits_through_an_interrupt_and_keeps_the_flag() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        AtomicBoolean signalSent = new AtomicBoolean();
        AtomicBoolean sawSignal = new AtomicBoolean();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (Bunch b = Bunch.start(1, () -> {
            lock.lock();
            try {
                cond.awaitUninterruptibly();
                sawSignal.set(signalSent.get());
                flagAfter.set(Thread.interrupted());
            } finally {
                lock.unlock();
            }
        })) {
            awaitWaiters(cond, 1);
            b.interruptAll();
            lock.lock();
            assertEquals(1, ((Condition) cond).waiting(), "still waiting after the interrupt");
            signalSent.set(true);
            cond.signal();
            lock.unlock();
        }
        assertTrue(sawSignal.get(), "returned because of the signal, not the interrupt");
        assertTrue(flagAfter.get(), "the interrupt flag is set on return");
        assertTrue(freeForOthers(lock));
    }

    @Test
    void await_uninterruptibly_entered_with_the_flag_set_still_waits() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        AtomicBoolean flagAfter = new AtomicBoolean();
        try (Bunch b = Bunch.start(1, () -> {
            lock.lock();
            try {
                Thread.currentThread().interrupt();
                cond.awaitUninterruptibly();
                flagAfter.set(Thread.interrupted());
            } finally {
                lock.unlock();
            }
        })) {
            awaitWaiters(cond, 1);
            locked(lock, cond::signal);
        }
        assertTrue(flagAfter.get());
    }

    @Test
    void await_interrupted_while_waiting_throws_and_holds_the_lock_again() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean heldAfter = new AtomicBoolean();
        try (Bunch b = Bunch.start(1, () -> {
            lock.lock();
            try {
                cond.await(LONG_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                thrown.set(e);
                heldAfter.set(!freeForOthers(lock));
            } finally {
                lock.unlock();
            }
        })) {
            awaitWaiters(cond, 1);
            b.interruptAll();
        }
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertTrue(heldAfter.get(), "the lock was held again when the exception came");
        assertTrue(freeForOthers(lock));
        assertEquals(0, ((Condition) cond).waiting(), "the interrupted waiter left the queue");
    }

    @Test
    void signal_wakes_one_waiter_and_signal_all_the_rest() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        AtomicInteger woken = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        try (Bunch b = Bunch.start(3, () -> {
            lock.lock();
            try {
                if (cond.await(LONG_S, TimeUnit.SECONDS)) {
                    woken.incrementAndGet();
                } else {
                    timedOut.incrementAndGet();
                }
            } finally {
                lock.unlock();
            }
        })) {
            awaitWaiters(cond, 3);
            locked(lock, cond::signal);
            await().atMost(LONG).until(() -> woken.get() == 1);
            assertEquals(2, ((Condition) cond).waiting(), "one signal woke one waiter; the other two still wait");
            lock.lock();
            cond.signalAll();
            lock.unlock();
        }
        assertEquals(3, woken.get());
        assertEquals(0, timedOut.get());
    }

    @Test
    void waiting_or_signalling_without_the_lock_throws_imse_and_queues_nothing() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        assertThrows(IllegalMonitorStateException.class, cond::await);
        assertThrows(IllegalMonitorStateException.class, () -> cond.await(1, TimeUnit.SECONDS));
        assertThrows(IllegalMonitorStateException.class, () -> cond.awaitNanos(1));
        assertThrows(IllegalMonitorStateException.class, cond::awaitUninterruptibly);
        assertThrows(IllegalMonitorStateException.class, () -> cond.awaitUntil(new Date()));
        assertThrows(IllegalMonitorStateException.class, cond::signal);
        assertThrows(IllegalMonitorStateException.class, cond::signalAll);
        assertEquals(0, ((Condition) cond).waiting());
        lock.lock();
        assertFalse(cond.await(0, TimeUnit.SECONDS), "usable afterwards");
        lock.unlock();
    }

    @Test
    void null_unit_or_date_throws_npe_naming_it() throws Exception {
        var lock = newLock();
        var cond = lock.newCondition();
        lock.lock();
        try {
            assertEquals("unit", assertThrows(NullPointerException.class, () -> cond.await(1, null)).getMessage());
            assertEquals("deadline", assertThrows(NullPointerException.class, () -> cond.awaitUntil((Date) null)).getMessage());
            assertFalse(freeForOthers(lock), "still held");
            assertEquals(0, ((Condition) cond).waiting());
        } finally {
            lock.unlock();
        }
    }

    // ---- interop ----

    /** A one-slot mailbox written for any {@code java.util.concurrent} lock, as library code would be. */
    static final class Mailbox {
        private final java.util.concurrent.locks.Lock lock;
        private final java.util.concurrent.locks.Condition changed;
        private Integer item;

        Mailbox(java.util.concurrent.locks.Lock lock) {
            this.lock = lock;
            this.changed = lock.newCondition();
        }

        void put(int x) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (item != null) {
                    assertTrue(changed.await(LONG_S, TimeUnit.SECONDS), "no taker within " + LONG);
                }
                item = x;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int take() throws InterruptedException {
            lock.lock();
            try {
                long nanos = TimeUnit.SECONDS.toNanos(LONG_S);
                while (item == null) {
                    assertTrue(nanos > 0, "no item within " + LONG);
                    nanos = changed.awaitNanos(nanos);
                }
                int x = item;
                item = null;
                changed.signalAll();
                return x;
            } finally {
                lock.unlock();
            }
        }
    }

    @Test
    void works_in_code_written_for_java_util_concurrent_locks() throws Exception {
        Mailbox box = new Mailbox(newLock());
        int n = 500 * Integer.getInteger("weft.stress.factor", 1);
        AtomicLong sum = new AtomicLong();
        CountDownLatch consumerDone = new CountDownLatch(1);
        try (Bunch consumer = Bunch.start(1, () -> {
            for (int i = 0; i < n; i++) {
                sum.addAndGet(box.take());
            }
            consumerDone.countDown();
        })) {
            for (int i = 1; i <= n; i++) {
                box.put(i);
            }
            assertTrue(consumerDone.await(LONG_S, TimeUnit.SECONDS), "the consumer did not take every item");
        }
        assertEquals((long) n * (n + 1) / 2, sum.get(), "every item arrived once");
    }
}
