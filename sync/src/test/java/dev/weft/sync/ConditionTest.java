package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.ConditionTests} (cases 28–35) to {@link Condition}. Python's
 * {@code wait}/{@code wait_for}/{@code notify}/{@code notify_all} are
 * {@code await}/{@code awaitUntil}/{@code signal}/{@code signalAll}; {@code RuntimeError} is
 * {@link IllegalMonitorStateException}.
 *
 * <p>Where CPython checks that a waiter has queued by sleeping, these tests read the
 * package-private {@code waiting()} count. Case 35's "last non-boolean value" of a truthy
 * predicate does not apply: a Java predicate is a {@code BooleanSupplier}.
 */
class ConditionTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(100);

    @Test
    void test_acquire() throws Exception {
        Condition cond = new Condition();
        cond.acquire();
        cond.acquire();   // the default lock is reentrant
        cond.release();
        cond.release();

        Lock lock = new Lock();
        Condition overLock = new Condition(lock);
        overLock.acquire();
        assertFalse(lock.tryAcquire(), "the condition's acquire took the lock");
        overLock.release();
        assertTrue(lock.tryAcquire());
        assertFalse(overLock.tryAcquire(), "held through the lock itself");
        assertFalse(overLock.acquire(Duration.ZERO));
        lock.release();
        try (Guard g = overLock.hold()) {
            assertTrue(lock.isLocked(), "held inside the block");
        }
        assertFalse(lock.isLocked());
    }

    @Test
    void test_unacquired_wait() {
        Condition cond = new Condition();
        assertThrows(IllegalMonitorStateException.class, cond::await);
        assertThrows(IllegalMonitorStateException.class, () -> cond.await(SHORT));
        assertThrows(IllegalMonitorStateException.class, () -> cond.awaitUntil(() -> true));
        assertThrows(IllegalMonitorStateException.class, () -> cond.awaitUntil(() -> true, SHORT));
        assertEquals(0, cond.waiting(), "nothing was queued");
    }

    @Test
    void test_unacquired_notify() throws Exception {
        Condition cond = new Condition();
        assertThrows(IllegalMonitorStateException.class, cond::signal);
        assertThrows(IllegalMonitorStateException.class, () -> cond.signal(2));
        assertThrows(IllegalMonitorStateException.class, cond::signalAll);
        try (Guard g = cond.hold()) {
            cond.signal();   // usable after the errors; no waiter is a no-op (case 35)
            cond.signalAll();
        }
    }

    private record Result(boolean value, int phase) {
    }

    private void checkNotify(Condition cond) throws Exception {
        AtomicInteger phase = new AtomicInteger();
        List<Result> ready = Collections.synchronizedList(new ArrayList<>());
        try (Bunch b = Bunch.start(5, () -> {
            for (int i = 0; i < 2; i++) {
                cond.acquire();
                try {
                    boolean r = cond.await(LONG);
                    ready.add(new Result(r, phase.get()));
                } finally {
                    cond.release();
                }
            }
        })) {
            await().atMost(LONG).until(() -> cond.waiting() == 5);

            cond.acquire();
            cond.signal(3);
            phase.set(1);   // after notifying, before releasing: waiters return only after release
            cond.release();
            await().atMost(LONG).until(() -> ready.size() >= 3 && cond.waiting() == 5);
            assertEquals(List.of(new Result(true, 1), new Result(true, 1), new Result(true, 1)), List.copyOf(ready),
                    "signal(3) woke exactly 3");

            cond.acquire();
            cond.signal(5);
            phase.set(2);
            cond.release();
            await().atMost(LONG).until(() -> ready.size() >= 8 && cond.waiting() == 2);
            assertEquals(8, ready.size(), "signal(5) woke exactly 5");
            assertTrue(ready.subList(3, 8).stream().allMatch(r -> r.equals(new Result(true, 2))), ready::toString);

            cond.acquire();
            cond.signalAll();
            phase.set(3);
            cond.release();
            b.awaitFinished();
        }
        assertEquals(10, ready.size());
        assertTrue(ready.subList(8, 10).stream().allMatch(r -> r.equals(new Result(true, 3))), ready::toString);
    }

    @Test
    void test_notify() throws Exception {
        Condition cond = new Condition();
        checkNotify(cond);
        checkNotify(cond);   // twice on the same condition
    }

    @Test
    void test_notify_over_plain_lock() throws Exception {
        checkNotify(new Condition(new Lock()));
    }

    @Test
    void signal_wakes_in_fifo_order() throws Exception {
        Condition cond = new Condition();
        List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
        List<Bunch> bunches = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                int id = i;
                bunches.add(Bunch.start(1, () -> {
                    try (Guard g = cond.hold()) {
                        cond.await();
                        woken.add(id);
                    }
                }));
                await().atMost(LONG).until(() -> cond.waiting() == id + 1);
            }
            for (int i = 0; i < 4; i++) {
                int expected = i + 1;
                try (Guard g = cond.hold()) {
                    cond.signal();
                }
                await().atMost(LONG).until(() -> woken.size() == expected);
            }
        } finally {
            for (Bunch b : bunches) {
                b.close();
            }
        }
        assertEquals(List.of(0, 1, 2, 3), woken, "the longest waiter is woken first");
    }

    @Test
    void test_timeout() throws Exception {
        Condition cond = new Condition();
        ConcurrentLinkedQueue<Boolean> results = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(5, () -> {
            try (Guard g = cond.hold()) {
                long t0 = Timing.start();
                results.add(cond.await(SHORT));
                Timing.assertWaitedAtLeast(t0, SHORT);
            }
        })) {
            b.awaitFinished();
        }
        assertEquals(List.of(false, false, false, false, false), List.copyOf(results), "no spurious wake-up");
        assertEquals(0, cond.waiting(), "timed-out waiters left the queue");
    }

    @Test
    void test_waitfor() throws Exception {
        Condition cond = new Condition();
        int[] state = {0};
        AtomicInteger seen = new AtomicInteger(-1);
        try (Bunch b = Bunch.start(1, () -> {
            try (Guard g = cond.hold()) {
                cond.awaitUntil(() -> state[0] == 4);
                seen.set(state[0]);
            }
        })) {
            for (int i = 0; i < 4; i++) {
                await().atMost(LONG).until(() -> cond.waiting() == 1);
                try (Guard g = cond.hold()) {
                    state[0]++;
                    cond.signal();
                }
            }
            b.awaitFinished();
        }
        assertEquals(4, seen.get());
    }

    @Test
    void test_waitfor_timeout() throws Exception {
        Condition cond = new Condition();
        int[] state = {0};
        AtomicBoolean result = new AtomicBoolean(true);
        try (Bunch b = Bunch.start(1, () -> {
            try (Guard g = cond.hold()) {
                long t0 = Timing.start();
                result.set(cond.awaitUntil(() -> state[0] == 4, SHORT));
                Timing.assertWaitedAtLeast(t0, SHORT);
            }
        })) {
            for (int i = 0; i < 3; i++) {
                await().atMost(LONG).until(() -> cond.waiting() == 1 || b.finished() == 1);
                try (Guard g = cond.hold()) {
                    state[0]++;
                    cond.signal();
                }
            }
            b.awaitFinished();
        }
        assertFalse(result.get(), "only 3 of 4 increments came: the deadline ended the wait");
    }

    @Test
    void waitfor_true_on_entry_returns_at_once_without_waiting() throws Exception {
        Condition cond = new Condition();
        try (Guard g = cond.hold()) {
            long t0 = Timing.start();
            assertTrue(cond.awaitUntil(() -> true, LONG));
            cond.awaitUntil(() -> true);
            Timing.assertDidNotWait(t0, LONG);
            assertEquals(0, cond.waiting());
            assertFalse(cond.awaitUntil(() -> false, Duration.ZERO), "zero timeout: one evaluation");
        }
    }

    @Test
    void signal_negative_throws_and_condition_still_works() throws Exception {
        Condition cond = new Condition();
        try (Guard g = cond.hold()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cond.signal(-1));
            assertTrue(e.getMessage().contains("-1"), e::getMessage);
            cond.signal(0);
        }
        checkNotify(cond);
    }

    @Test
    void null_arguments_throw_npe_naming_them() throws Exception {
        assertEquals("lock", assertThrows(NullPointerException.class, () -> new Condition((Lock) null)).getMessage());
        assertEquals("lock", assertThrows(NullPointerException.class, () -> new Condition((RLock) null)).getMessage());
        Condition cond = new Condition();
        try (Guard g = cond.hold()) {
            assertEquals("timeout", assertThrows(NullPointerException.class, () -> cond.await(null)).getMessage());
            assertEquals("predicate", assertThrows(NullPointerException.class, () -> cond.awaitUntil((BooleanSupplier) null)).getMessage());
            assertEquals("predicate", assertThrows(NullPointerException.class, () -> cond.awaitUntil(null, SHORT)).getMessage());
            assertEquals("timeout", assertThrows(NullPointerException.class, () -> cond.awaitUntil(() -> true, null)).getMessage());
            assertEquals("timeout", assertThrows(NullPointerException.class, () -> cond.acquire(null)).getMessage());
            assertFalse(cond.await(Duration.ZERO), "still usable");
        }
    }

    @Test
    void wait_releases_every_hold_and_restores_them() throws Exception {
        RLock lock = new RLock();
        Condition cond = new Condition(lock);
        AtomicInteger holdsAfter = new AtomicInteger();
        try (Bunch b = Bunch.start(1, () -> {
            lock.acquire();
            lock.acquire();
            lock.acquire();
            cond.await();
            holdsAfter.set(lock.holdCount());
            lock.release();
            lock.release();
            lock.release();
        })) {
            await().atMost(LONG).until(() -> cond.waiting() == 1);
            // waiting() counts the waiter once it has queued, a moment before it lets the holds
            // go: a tryAcquire() here could come first. It is still waiting (nobody signals
            // before we hold the lock), so the lock is ours only if await released every hold.
            assertTrue(lock.acquire(LONG), "all three holds were released while waiting");
            cond.signal();
            lock.release();
        }
        assertEquals(3, holdsAfter.get());
    }

    @Test
    void interrupted_waiter_rethrows_holding_the_lock_and_passes_no_signal() throws Exception {
        RLock lock = new RLock();
        Condition cond = new Condition(lock);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean heldAfter = new AtomicBoolean();
        AtomicInteger woken = new AtomicInteger();
        Bunch interrupted = Bunch.start(1, () -> {
            cond.acquire();
            try {
                cond.await();
            } catch (InterruptedException e) {
                thrown.set(e);
                heldAfter.set(lock.isHeldByCurrentThread());
            } finally {
                cond.release();
            }
        });
        await().atMost(LONG).until(() -> cond.waiting() == 1);
        try (Bunch other = Bunch.start(1, () -> {
            try (Guard g = cond.hold()) {
                cond.await();
                woken.incrementAndGet();
            }
        })) {
            await().atMost(LONG).until(() -> cond.waiting() == 2);
            interrupted.interruptAll();
            interrupted.awaitFinished();
            assertTrue(thrown.get() instanceof InterruptedException);
            assertEquals(1, cond.waiting(), "the interrupted waiter left the queue");
            try (Guard g = cond.hold()) {
                cond.signal();   // must reach the remaining waiter, not the gone one
            }
        }
        assertEquals(1, woken.get());
        assertTrue(heldAfter.get());
        assertTrue(cond.tryAcquire(), "the interrupted waiter released what it re-took");
        cond.release();
    }

    @Test
    void plain_lock_condition_counts_any_holder_as_owner() throws Exception {
        // CPython's Condition._is_owned for a lock without owner: "held by anyone" is owned.
        Lock lock = new Lock();
        Condition cond = new Condition(lock);
        assertThrows(IllegalMonitorStateException.class, cond::signal, "unlocked: nobody owns it");
        lock.acquire();
        try (Bunch b = Bunch.start(1, cond::signal)) {
            b.awaitFinished();   // another thread may signal while the lock is held by anyone
        }
        lock.release();
    }

    @Test
    void toString_shows_lock_and_waiters() throws Exception {
        Condition cond = new Condition();
        assertTrue(cond.toString().startsWith("<Condition(<unlocked"), cond::toString);
        assertTrue(cond.toString().endsWith(", 0)>"), cond::toString);
    }
}
