package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** {@link CancelScope}: deadlines and shields on the calling thread. */
class CancelScopeTest {
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private static Instant in(Duration d) {
        return CancelScope.deadlineAfter(d);
    }

    private static Void blockForever() throws InterruptedException {
        NEVER.await(30, TimeUnit.SECONDS);
        return null;
    }

    @Test
    void aBodyInTimeReturnsItsValueUnderTheDeadline() throws Exception {
        Instant deadline = in(Duration.ofMinutes(5));
        assertEquals(Optional.of(deadline), CancelScope.within(deadline, CancelScope::currentDeadline));
        assertTrue(CancelScope.currentDeadline().isEmpty(), "the deadline ends with the call");
        assertEquals("x", CancelScope.within(deadline, () -> "x"));
        assertEquals(Optional.of("x"), CancelScope.withinOrEmpty(deadline, () -> "x"));
        assertEquals(Optional.empty(), CancelScope.withinOrEmpty(deadline, () -> null));
    }

    @Test
    void aBlockedBodyIsInterruptedAndTimesOut() {
        TimeoutException e = assertThrows(TimeoutException.class,
                () -> CancelScope.within(in(Duration.ofMillis(50)), CancelScopeTest::blockForever));
        assertEquals(0, e.getSuppressed().length);
        assertFalse(Thread.interrupted(), "the deadline's interrupt does not leave the call");
    }

    @Test
    void moveOnGivesEmpty() throws Exception {
        assertEquals(Optional.empty(), CancelScope.withinOrEmpty(in(Duration.ofMillis(50)), CancelScopeTest::blockForever));
        assertFalse(Thread.interrupted());
    }

    @Test
    void aBodyThatSwallowsTheInterruptStillTimesOut() {
        assertThrows(TimeoutException.class, () -> CancelScope.within(in(Duration.ofMillis(50)), () -> {
            try {
                blockForever();
            } catch (InterruptedException swallowed) {
                // the body ignores it and returns
            }
            return "ignored";
        }));
        assertFalse(Thread.interrupted());
    }

    @Test
    void aDeadlineAlreadyPassedDoesNotRunTheBody() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        assertThrows(TimeoutException.class, () -> CancelScope.within(in(Duration.ZERO), () -> ran.getAndSet(true)));
        assertThrows(TimeoutException.class, () -> CancelScope.within(in(Duration.ofSeconds(-1)), () -> ran.getAndSet(true)));
        assertEquals(Optional.empty(), CancelScope.withinOrEmpty(in(Duration.ZERO), () -> ran.getAndSet(true)));
        assertFalse(ran.get());
    }

    @Test
    void whatTheBodyThrowsPassesThrough() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertEquals(boom, assertThrows(IllegalStateException.class,
                () -> CancelScope.within(in(Duration.ofMinutes(5)), () -> { throw boom; })));
        TimeoutException own = new TimeoutException("the body's own");
        assertEquals(own, assertThrows(TimeoutException.class,
                () -> CancelScope.withinOrEmpty(in(Duration.ofMinutes(5)), () -> { throw own; })));
    }

    @Test
    void aFailureAfterTheDeadlineIsSuppressedInTheTimeout() {
        TimeoutException e = assertThrows(TimeoutException.class, () -> CancelScope.within(in(Duration.ofMillis(50)), () -> {
            try {
                blockForever();
            } catch (InterruptedException ex) {
                throw new IllegalStateException("cleanup failed");
            }
            return null;
        }));
        assertInstanceOf(IllegalStateException.class, e.getSuppressed()[0]);
    }

    @Test
    void aNestedCallKeepsTheEarlierDeadline() throws Exception {
        Instant outer = in(Duration.ofMinutes(5));
        Optional<Instant> inner = CancelScope.within(outer, () -> CancelScope.within(in(Duration.ofHours(5)), CancelScope::currentDeadline));
        assertEquals(Optional.of(outer), inner);
    }

    @Test
    void anOuterDeadlineWinsOverAnInnerMoveOn() {
        // the inner one shares the outer deadline; whichever fires first, the outer call times out
        assertThrows(TimeoutException.class, () -> CancelScope.within(in(Duration.ofMillis(50)), () -> {
            CancelScope.withinOrEmpty(in(Duration.ofHours(1)), CancelScopeTest::blockForever);
            return blockForever();
        }));
        assertFalse(Thread.interrupted());
    }

    @Test
    void aCallersInterruptIsNotATimeout() throws InterruptedException {
        Thread caller = Thread.currentThread();
        CountDownLatch blocked = new CountDownLatch(1);
        Thread interrupter = Thread.ofVirtual().start(() -> {
            try {
                blocked.await(30, TimeUnit.SECONDS);
                await(caller, Thread.State.TIMED_WAITING);
                caller.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThrows(InterruptedException.class, () -> CancelScope.within(in(Duration.ofMinutes(5)), () -> {
            blocked.countDown();
            return blockForever();
        }));
        interrupter.join(30_000);
        assertFalse(interrupter.isAlive());
    }

    @Test
    void aCallersInterruptStaysWhileTheOwnerWaitsForALockAsTheDeadlinePasses() throws InterruptedException {
        // waiting for a lock, the JDK clears the owner's flag for a moment: the deadline, passing
        // then, reads it unset, yet the interrupt that was there at open stays the caller's
        ReentrantLock held = new ReentrantLock();
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> {
            held.lock();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.unlock();
            }
        });
        org.awaitility.Awaitility.await().atMost(30, TimeUnit.SECONDS).until(held::isLocked);
        Thread owner = Thread.currentThread();
        owner.interrupt();
        Thread releaser;
        try (CancelScope scope = CancelScope.open(in(Duration.ofMillis(50)), null)) {
            releaser = Thread.ofVirtual().start(() -> {
                org.awaitility.Awaitility.await().atMost(30, TimeUnit.SECONDS)
                        .until(() -> held.hasQueuedThread(owner) && scope.expired());
                release.countDown();
            });
            held.lock(); // queued, its flag cleared, until the deadline has passed
            held.unlock();
            assertTrue(scope.expired(), "the lock was released only once the deadline had passed");
        }
        // read before the joins, which an interrupt flag still set would end at once
        boolean kept = Thread.interrupted();
        releaser.join(30_000);
        holder.join(30_000);
        assertFalse(releaser.isAlive());
        assertFalse(holder.isAlive());
        assertTrue(kept, "the caller's interrupt, there when the scope opened, stays");
    }

    @Test
    void anInterruptPresentAtOpenIsTheCallersEvenOnceTheBodyTookIt() {
        Thread.currentThread().interrupt();
        // the body takes the caller's interrupt and blocks on; the deadline's interrupt then ends it,
        // and the call reports the caller's interruption, not a timeout
        assertThrows(InterruptedException.class, () -> CancelScope.within(in(Duration.ofMillis(50)), () -> {
            assertTrue(Thread.interrupted());
            return blockForever();
        }));
        assertFalse(Thread.interrupted(), "the interruption was thrown, its flag not kept as well");
    }

    private static void await(Thread thread, Thread.State state) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != state && System.nanoTime() < giveUp) {
            Thread.sleep(1); // polling another thread's state, not a synchronisation
        }
    }

    @Test
    void theInterruptNeverLandsAfterTheCallReturned() throws Exception {
        int rounds = 2_000 * Integer.getInteger("weft.stress.factor", 1);
        for (int i = 0; i < rounds; i++) {
            long nanos = ThreadLocalRandom.current().nextLong(200_000);
            try {
                CancelScope.within(Instant.now().plusNanos(nanos), () -> {
                    long end = System.nanoTime() + ThreadLocalRandom.current().nextLong(200_000);
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait(); // busy: ends around the deadline
                    }
                    return null;
                });
            } catch (TimeoutException expected) {
                // either way is fine; the flag is what matters
            }
            assertFalse(Thread.interrupted(), "round " + i + ": an interrupt escaped");
        }
    }

    @Test
    void tasksTheBodyLeavesRunningAreCancelledAndAwaited() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        Task<?>[] left = new Task<?>[1];
        CancelScope.within(in(Duration.ofMinutes(5)), () -> {
            left[0] = TaskScope.current().orElseThrow().fork(() -> {
                started.countDown();
                try {
                    return blockForever();
                } finally {
                    ended.countDown();
                }
            });
            assertTrue(started.await(30, TimeUnit.SECONDS));
            return null;
        });
        assertTrue(left[0].isCancelled());
        assertEquals(0, ended.getCount(), "awaited before the call returned");
    }

    @Test
    void badInput() {
        assertThrows(NullPointerException.class, () -> CancelScope.within(null, () -> 1));
        assertThrows(NullPointerException.class, () -> CancelScope.within(Instant.now(), null));
        assertThrows(NullPointerException.class, () -> CancelScope.shielded(null));
        assertThrows(NullPointerException.class, () -> CancelScope.interrupt(null));
        assertThrows(NullPointerException.class, () -> CancelScope.deadlineAfter(null));
        assertEquals(Instant.MAX, CancelScope.deadlineAfter(Duration.ofSeconds(Long.MAX_VALUE)));
    }

    // ------------------------------------------------------------ shields

    @Test
    void aShieldHoldsADeadlineBackUntilItsBodyEnds() throws Exception {
        CountDownLatch expired = new CountDownLatch(1);
        List<String> log = new CopyOnWriteArrayList<>();
        try (CancelScope scope = CancelScope.open(in(Duration.ofMillis(50)), expired::countDown)) {
            CancelScope.shielded(() -> {
                assertTrue(CancelScope.currentDeadline().isEmpty(), "a shield's body runs under no deadline");
                assertTrue(expired.await(30, TimeUnit.SECONDS), "not interrupted: shielded");
                Thread.sleep(50); // the workload, past the moment the deadline interrupts
                log.add("shielded body done");
                return null;
            });
            assertThrows(InterruptedException.class, CancelScopeTest::blockForever, "delivered when the shield ended");
            log.add("interrupted after");
            assertTrue(scope.expired());
        }
        assertEquals(List.of("shielded body done", "interrupted after"), log);
        assertFalse(Thread.interrupted());
    }

    @Test
    void aShieldHoldsBackTheCancellationOfTheForkRunningIt() throws InterruptedException {
        CountDownLatch inShield = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> log = new CopyOnWriteArrayList<>();
        try (TaskScope scope = TaskScope.open()) {
            Task<String> task = scope.fork(() -> {
                String result = CancelScope.shielded(() -> {
                    inShield.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    log.add("body done");
                    return "done";
                });
                log.add(Thread.currentThread().isInterrupted() ? "interrupted after" : "never interrupted");
                return result;
            });
            assertTrue(inShield.await(30, TimeUnit.SECONDS));
            task.cancel();
            release.countDown();
            scope.join();
            assertTrue(task.isCancelled());
        }
        assertEquals(List.of("body done", "interrupted after"), log);
    }

    @Test
    void anInterruptPendingAtTheShieldWaitsForItsEnd() throws Exception {
        Thread.currentThread().interrupt();
        String result = CancelScope.shielded(() -> {
            Thread.sleep(1); // would throw if the interrupt had stayed
            return "ran";
        });
        assertEquals("ran", result);
        assertTrue(Thread.interrupted(), "delivered after the body");
    }

    @Test
    void aTimeoutInsideAShieldStillFires() throws Exception {
        CancelScope.shielded(() -> assertThrows(TimeoutException.class,
                () -> CancelScope.within(in(Duration.ofMillis(50)), CancelScopeTest::blockForever)));
        assertFalse(Thread.interrupted());
    }

    @Test
    void interruptOutsideAShieldInterruptsAtOnce() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread thread = Thread.ofVirtual().start(() -> {
            started.countDown();
            try {
                blockForever();
            } catch (InterruptedException expected) {
                return;
            }
            throw new AssertionError("not interrupted");
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        CancelScope.interrupt(thread);
        thread.join(30_000);
        assertFalse(thread.isAlive());
    }
}
